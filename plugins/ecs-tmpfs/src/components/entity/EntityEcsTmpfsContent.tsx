import { EmptyState, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { isEcsTmpfsAvailable } from '../../annotations';
import { MissingEcsAnnotation } from './MissingEcsAnnotation';
import { ServiceDetails } from './ServiceDetails';
import { useEntityServices } from './useEntityServices';
import { ApiErrorPanel } from '../shared/ApiErrorPanel';

const EntityServices = ({ entityRef }: { entityRef: string }) => {
  const { value, loading, error } = useEntityServices(entityRef);
  if (loading) return <Progress />;
  if (error) return <ApiErrorPanel error={error} />;
  if (!value || value.services.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No ECS services found"
        description="The annotations of this entity match no ECS service the last sync found. Check the ARN or tags, and that the service's account and Region are configured for syncing."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      {value.services.map(service => (
        <Grid item xs={12} key={service.serviceArn}>
          <ServiceDetails service={service} entityRef={entityRef} />
        </Grid>
      ))}
    </Grid>
  );
};

/** The entity tab: every ECS service the entity maps to. @public */
export const EntityEcsTmpfsContent = () => {
  const { entity } = useEntity();
  if (!isEcsTmpfsAvailable(entity)) {
    return <MissingEcsAnnotation />;
  }
  return <EntityServices entityRef={stringifyEntityRef(entity)} />;
};
