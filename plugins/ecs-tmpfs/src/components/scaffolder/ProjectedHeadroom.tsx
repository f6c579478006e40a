import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  countFindings,
  TransformError,
  type TmpfsTemplate,
} from '@internal/plugin-ecs-tmpfs-common';
import useAsync from 'react-use/esm/useAsync';
import { ecsTmpfsApiRef } from '../../api/EcsTmpfsApi';
import { errorMessage } from '../../api/EcsTmpfsClient';
import { HeadroomStatusIndicator } from '../shared/HeadroomStatusIndicator';
import { formatHeadroom } from '../shared/format';
import { projectTemplate, type ProjectionChoices } from './projectTemplate';

function findingsText(counts: ReturnType<typeof countFindings>): string {
  const n = (count: number, word: string) =>
    `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${n(counts.error, 'error')}, ${n(counts.warning, 'warning')}`;
}

/** Headroom of the chosen service now and once the template's mounts are added. */
export const ProjectedHeadroom = ({
  serviceArn,
  template,
  choices,
}: {
  serviceArn: string;
  template: TmpfsTemplate;
  choices: ProjectionChoices;
}) => {
  const api = useApi(ecsTmpfsApiRef);
  const service = useAsync(() => api.getService(serviceArn), [api, serviceArn]);

  if (service.loading) return <Progress />;
  if (service.error) {
    return (
      <Alert severity="warning">
        No projection for {serviceArn}: {errorMessage(service.error)}
      </Alert>
    );
  }
  if (!service.value) return null;

  let projection;
  try {
    projection = projectTemplate(service.value, template, choices);
  } catch (e) {
    // e.g. a container name that is not in the task definition
    if (e instanceof TransformError) {
      return <Alert severity="error">{e.message}</Alert>;
    }
    throw e;
  }
  const before = projection.before.headroom;
  const after = projection.after.headroom;
  const afterCounts = countFindings(projection.after.findings);
  const rows = [
    { label: 'Now', headroom: before },
    { label: `With ${template.name}`, headroom: after },
  ];
  return (
    <Box mt={2}>
      <Typography variant="subtitle2">
        Projected headroom of {service.value.serviceName} (
        {service.value.family}:{service.value.revision})
      </Typography>
      <Table size="small" aria-label="Projected headroom">
        <TableBody>
          {rows.map(row => (
            <TableRow key={row.label}>
              <TableCell component="th" scope="row">
                {row.label}
              </TableCell>
              <TableCell>{formatHeadroom(row.headroom)}</TableCell>
              <TableCell>
                <HeadroomStatusIndicator status={row.headroom.status} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="caption" component="p">
        {after.formula}. After the change: {findingsText(afterCounts)}
        {projection.changed
          ? '.'
          : ' (the task definition already has these mounts).'}
      </Typography>
      {projection.after.findings
        .filter(f => f.severity === 'error')
        .map(f => (
          <Alert key={`${f.ruleId}:${f.path}`} severity="error">
            {f.ruleId}: {f.message}
          </Alert>
        ))}
    </Box>
  );
};
