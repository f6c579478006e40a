import { MissingAnnotationEmptyState } from '@backstage/core-components';
import {
  ECS_SERVICE_ARN_ANNOTATION,
  ECS_SERVICE_TAGS_ANNOTATION,
} from '../../annotations';

export const MissingEcsAnnotation = () => (
  <MissingAnnotationEmptyState
    annotation={[ECS_SERVICE_ARN_ANNOTATION, ECS_SERVICE_TAGS_ANNOTATION]}
  />
);
