import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** The awslabs Amazon ECS plugin's annotations, unchanged so its users can switch. */
export const ECS_SERVICE_ARN_ANNOTATION =
  'aws.amazon.com/amazon-ecs-service-arn';
export const ECS_SERVICE_TAGS_ANNOTATION =
  'aws.amazon.com/amazon-ecs-service-tags';

export interface EcsAnnotations {
  serviceArns?: string[];
  serviceTags?: Record<string, string>;
}

const SERVICE_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:service\/.+/;

/** Reads both annotations; an ARN or tag list that cannot be parsed names the bad part. */
export function readEcsAnnotations(entity: Entity): EcsAnnotations {
  const annotations = entity.metadata.annotations ?? {};
  const result: EcsAnnotations = {};
  const arns = annotations[ECS_SERVICE_ARN_ANNOTATION];
  if (arns !== undefined) {
    result.serviceArns = arns
      .split(',')
      .map(a => a.trim())
      .filter(Boolean);
    for (const arn of result.serviceArns) {
      if (!SERVICE_ARN.test(arn)) {
        throw new InputError(
          `Annotation ${ECS_SERVICE_ARN_ANNOTATION} has '${arn}', which is not an ECS service ARN`,
        );
      }
    }
  }
  const tags = annotations[ECS_SERVICE_TAGS_ANNOTATION];
  if (tags !== undefined) {
    result.serviceTags = {};
    for (const pair of tags
      .split(',')
      .map(p => p.trim())
      .filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new InputError(
          `Annotation ${ECS_SERVICE_TAGS_ANNOTATION} has '${pair}', expected key=value`,
        );
      }
      result.serviceTags[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  return result;
}

export function tagsMatch(
  wanted: Record<string, string>,
  tags: { key: string; value: string }[],
): boolean {
  const entries = Object.entries(wanted);
  return (
    entries.length > 0 &&
    entries.every(([k, v]) => tags.some(t => t.key === k && t.value === v))
  );
}
