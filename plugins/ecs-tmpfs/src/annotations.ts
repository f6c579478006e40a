import type { Entity } from '@backstage/catalog-model';

/** The awslabs ECS plugin's annotations, read unchanged so its users can switch. @public */
export const ECS_SERVICE_ARN_ANNOTATION =
  'aws.amazon.com/amazon-ecs-service-arn';
/** @public */
export const ECS_SERVICE_TAGS_ANNOTATION =
  'aws.amazon.com/amazon-ecs-service-tags';

/** Whether the entity names ECS services by ARN or by tags. @public */
export function isEcsTmpfsAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(
    annotations[ECS_SERVICE_ARN_ANNOTATION]?.trim() ||
      annotations[ECS_SERVICE_TAGS_ANNOTATION]?.trim(),
  );
}
