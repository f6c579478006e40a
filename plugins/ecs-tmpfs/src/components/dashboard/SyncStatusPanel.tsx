import {
  InfoCard,
  Progress,
  StatusError,
  StatusOK,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import {
  ecsTmpfsSyncTriggerPermission,
  type SyncRun,
  type SyncStatusResponse,
} from '@internal/plugin-ecs-tmpfs-common';
import { useState } from 'react';
import useInterval from 'react-use/esm/useInterval';
import { ecsTmpfsApiRef } from '../../api/EcsTmpfsApi';
import { errorMessage } from '../../api/EcsTmpfsClient';
import { formatDateTime } from '../shared/format';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';

const POLL_WHILE_RUNNING_MS = 5000;

const RunStatus = ({ run }: { run?: SyncRun }) => {
  if (!run) return <span>never run</span>;
  const when = formatDateTime(run.finishedAt ?? run.startedAt);
  switch (run.status) {
    case 'succeeded':
      return <StatusOK>succeeded {when}</StatusOK>;
    case 'partial':
      return <StatusWarning>partial {when}</StatusWarning>;
    case 'failed':
      return <StatusError>failed {when}</StatusError>;
    default:
      return <StatusRunning>running since {when}</StatusRunning>;
  }
};

function progressText(run: SyncRun): string {
  if (!run.progress) return 'starting';
  const { phase, done, total } = run.progress;
  return `${phase}: ${done}${total !== undefined ? ` of ${total}` : ''}`;
}

export const SyncStatusPanel = ({
  status,
  loading,
  error,
  onRefresh,
}: {
  status?: SyncStatusResponse;
  loading: boolean;
  error?: Error;
  onRefresh: () => void;
}) => {
  const api = useApi(ecsTmpfsApiRef);
  const alertApi = useApi(alertApiRef);
  const { allowed: canSync } = usePermission({
    permission: ecsTmpfsSyncTriggerPermission,
  });
  const [triggering, setTriggering] = useState(false);
  const running = status?.targets.some(t => t.running) ?? false;
  useInterval(onRefresh, running ? POLL_WHILE_RUNNING_MS : null);

  const syncNow = async () => {
    setTriggering(true);
    try {
      const { runs } = await api.triggerSync();
      alertApi.post({
        message: `Sync started for ${runs.length} account × Region target(s)`,
        severity: 'info',
        display: 'transient',
      });
      onRefresh();
    } catch (e) {
      alertApi.post({
        message: `Sync could not start: ${errorMessage(e)}`,
        severity: 'error',
      });
    } finally {
      setTriggering(false);
    }
  };

  const action = canSync ? (
    <Button
      variant="contained"
      color="primary"
      onClick={syncNow}
      disabled={triggering || running}
    >
      Sync now
    </Button>
  ) : undefined;

  let body: React.ReactNode;
  if (error) body = <ApiErrorPanel error={error} />;
  else if (!status && loading) body = <Progress />;
  else if (!status || status.targets.length === 0)
    body = <p>No account × Region is configured for syncing.</p>;
  else
    body = (
      <Table size="small" aria-label="Sync status">
        <TableHead>
          <TableRow>
            <TableCell>Account</TableCell>
            <TableCell>Region</TableCell>
            <TableCell>Last run</TableCell>
            <TableCell>Running</TableCell>
            <TableCell>Errors</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {status.targets.map(target => (
            <TableRow key={`${target.accountId}/${target.region}`}>
              <TableCell>{target.accountId}</TableCell>
              <TableCell>{target.region}</TableCell>
              <TableCell>
                <RunStatus run={target.lastRun} />
                {target.lastRun && (
                  <div>
                    <small>
                      {target.lastRun.services} services,{' '}
                      {target.lastRun.newRevisions} new revisions
                    </small>
                  </div>
                )}
              </TableCell>
              <TableCell>
                {target.running ? progressText(target.running) : '—'}
              </TableCell>
              <TableCell>
                {target.lastRun?.errors.length
                  ? target.lastRun.errors.map((e, i) => <div key={i}>{e}</div>)
                  : '—'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );

  return (
    <InfoCard title="Sync status" action={action}>
      {body}
    </InfoCard>
  );
};
