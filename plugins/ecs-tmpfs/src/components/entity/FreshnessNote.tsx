import { StatusError, StatusWarning } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { Freshness } from '@internal/plugin-ecs-tmpfs-common';
import { formatDateTime } from '../shared/format';

export const FreshnessNote = ({ freshness }: { freshness: Freshness }) => (
  <Typography variant="body2" component="div">
    Data synced {formatDateTime(freshness.lastSyncedAt)}
    {freshness.stale && (
      <div>
        <StatusWarning>
          Stale since {formatDateTime(freshness.stale.since)}: the last sync
          failed ({freshness.stale.error}); showing the last good data.
        </StatusWarning>
      </div>
    )}
    {freshness.gone && (
      <div>
        <StatusError>
          Service not found in ECS since {formatDateTime(freshness.gone.since)}.
        </StatusError>
      </div>
    )}
  </Typography>
);
