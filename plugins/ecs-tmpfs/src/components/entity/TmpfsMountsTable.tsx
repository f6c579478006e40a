import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ContainerView, Finding } from '@internal/plugin-ecs-tmpfs-common';
import { formatMiB } from '../shared/format';
import { SeverityChip } from '../shared/SeverityChip';
import { MountOptionChips } from './MountOptionChips';
import { indexMountFindings } from './mountFindings';

export const TmpfsMountsTable = ({
  container,
  findings,
}: {
  container: ContainerView;
  findings: Finding[];
}) => {
  const index = indexMountFindings(findings, container.name);
  return (
    <div>
      <Typography variant="subtitle1" component="h4">
        {container.name}
        {container.essential ? '' : ' (non-essential)'}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Root filesystem:{' '}
        {container.readonlyRootFilesystem ? 'read-only' : 'writable'}
        {container.user ? ` · user ${container.user}` : ''}
        {container.memory !== undefined
          ? ` · hard limit ${formatMiB(container.memory)}`
          : ''}
        {container.memoryReservation !== undefined
          ? ` · soft limit ${formatMiB(container.memoryReservation)}`
          : ''}
      </Typography>
      {container.tmpfs.length === 0 ? (
        <Typography variant="body2">No tmpfs mounts.</Typography>
      ) : (
        <Table size="small" aria-label={`tmpfs mounts of ${container.name}`}>
          <TableHead>
            <TableRow>
              <TableCell>Path</TableCell>
              <TableCell>Size</TableCell>
              <TableCell>Options</TableCell>
              <TableCell>Findings</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {container.tmpfs.map((mount, m) => {
              const mountFindings = index.byMount.get(m) ?? [];
              return (
                <TableRow key={`${mount.containerPath}-${m}`}>
                  <TableCell>
                    <code>{mount.containerPath}</code>
                  </TableCell>
                  <TableCell>{formatMiB(mount.size)}</TableCell>
                  <TableCell>
                    <MountOptionChips
                      options={mount.mountOptions}
                      findingsOf={o => index.byOption.get(`${m}:${o}`) ?? []}
                    />
                  </TableCell>
                  <TableCell>
                    {mountFindings.length === 0
                      ? '—'
                      : mountFindings.map((f, i) => (
                          <div key={`${f.ruleId}-${i}`} title={f.message}>
                            <SeverityChip severity={f.severity} /> {f.ruleId}
                          </div>
                        ))}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
};
