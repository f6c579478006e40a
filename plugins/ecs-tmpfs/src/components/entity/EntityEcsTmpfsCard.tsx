import { InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  SEVERITY_ORDER,
  type Finding,
  type ServiceView,
} from '@internal/plugin-ecs-tmpfs-common';
import { isEcsTmpfsAvailable } from '../../annotations';
import { HeadroomStatusIndicator } from '../shared/HeadroomStatusIndicator';
import { formatHeadroom } from '../shared/format';
import { MissingEcsAnnotation } from './MissingEcsAnnotation';
import { useEntityServices } from './useEntityServices';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';

function worstFinding(findings: Finding[]): Finding | undefined {
  return [...findings].sort(
    (a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity],
  )[0];
}

function mountCount(service: ServiceView): number {
  return service.containers.reduce((n, c) => n + c.tmpfs.length, 0);
}

const CardBody = ({ entityRef }: { entityRef: string }) => {
  const { value, loading, error } = useEntityServices(entityRef);
  if (loading) return <Progress />;
  if (error) return <ApiErrorPanel error={error} />;
  if (!value || value.services.length === 0) {
    return (
      <Typography>No ECS service matches this entity's annotations.</Typography>
    );
  }
  return (
    <Table size="small" aria-label="ECS tmpfs summary">
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell>Headroom</TableCell>
          <TableCell>Worst finding</TableCell>
          <TableCell>tmpfs mounts</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {value.services.map(service => {
          const worst = worstFinding(service.findings);
          return (
            <TableRow key={service.serviceArn}>
              <TableCell>
                {service.serviceName}
                {/* one component often runs the same service in several Regions */}
                <Typography variant="caption" component="div">
                  {service.region} · {service.accountId}
                </Typography>
              </TableCell>
              <TableCell>
                <HeadroomStatusIndicator status={service.headroom.status} />{' '}
                {formatHeadroom(service.headroom)}
              </TableCell>
              <TableCell>
                {worst ? `${worst.severity}: ${worst.ruleId}` : 'none'}
              </TableCell>
              <TableCell>{mountCount(service)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

/** The overview card: headroom, worst finding and mount count per service. @public */
export const EntityEcsTmpfsCard = () => {
  const { entity } = useEntity();
  return (
    <InfoCard title="ECS tmpfs">
      {isEcsTmpfsAvailable(entity) ? (
        <CardBody entityRef={stringifyEntityRef(entity)} />
      ) : (
        <MissingEcsAnnotation />
      )}
    </InfoCard>
  );
};
