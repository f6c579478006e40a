import { InfoCard, LinkButton } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { ServiceView } from '@internal/plugin-ecs-tmpfs-common';
import { FindingsTable } from '../shared/FindingsTable';
import { formatMiB } from '../shared/format';
import { FreshnessNote } from './FreshnessNote';
import { MemoryPicture } from './MemoryPicture';
import { TmpfsMountsTable } from './TmpfsMountsTable';
import { addSecureMountTemplateUrl } from './scaffolderLink';

const Fact = ({ label, value }: { label: string; value: string }) => (
  <Grid item xs={6} md={3}>
    <Typography variant="overline" component="div">
      {label}
    </Typography>
    <Typography variant="body2">{value}</Typography>
  </Grid>
);

export const ServiceDetails = ({
  service,
  entityRef,
}: {
  service: ServiceView;
  entityRef: string;
}) => (
  <InfoCard
    title={
      <Typography variant="h5" component="h2">
        {service.serviceName}
      </Typography>
    }
    subheader={service.serviceArn}
  >
    <Grid container spacing={2}>
      <Fact label="Cluster" value={service.clusterName} />
      <Fact label="Account" value={service.accountId} />
      <Fact label="Region" value={service.region} />
      <Fact label="Launch type" value={service.launchType} />
      <Fact
        label="Task definition"
        value={`${service.family}:${service.revision}`}
      />
      <Fact
        label="Task size"
        value={`${service.cpu ?? '—'} CPU units / ${formatMiB(service.memory)}`}
      />
      <Fact
        label="Tasks"
        value={`${service.runningCount ?? '?'} running of ${
          service.desiredCount ?? '?'
        } desired`}
      />
      <Grid item xs={6} md={3}>
        <Typography variant="overline" component="div">
          Data freshness
        </Typography>
        <FreshnessNote freshness={service.freshness} />
      </Grid>
      <Grid item xs={12}>
        <Typography variant="h6" component="h3">
          Containers
        </Typography>
      </Grid>
      {service.containers.map(container => (
        <Grid item xs={12} key={container.name}>
          <TmpfsMountsTable container={container} findings={service.findings} />
        </Grid>
      ))}
      <Grid item xs={12}>
        <MemoryPicture
          headroom={service.headroom}
          series={service.memorySeries}
        />
      </Grid>
      <Grid item xs={12}>
        <FindingsTable
          title={`Findings (${service.findings.length})`}
          findings={service.findings}
        />
      </Grid>
      <Grid item xs={12}>
        {service.operatingSystemFamily?.startsWith('WINDOWS') ? (
          // ECS supports neither tmpfs nor a read-only root on Windows tasks
          <Typography variant="body2" color="textSecondary">
            tmpfs mounts are not available: this task runs on{' '}
            {service.operatingSystemFamily}, where ECS supports neither tmpfs
            nor a read-only root filesystem.
          </Typography>
        ) : (
          <LinkButton
            variant="contained"
            color="primary"
            to={addSecureMountTemplateUrl(entityRef, service.serviceArn)}
          >
            Add a secure tmpfs mount
          </LinkButton>
        )}
      </Grid>
    </Grid>
  </InfoCard>
);
