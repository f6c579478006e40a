import { InputError } from '@backstage/errors';
import {
  TaskDefinitionParseError,
  lintTaskDefinition,
  lintTemplate,
  parseTaskDefinitionDocument,
  validateTemplateInput,
  type Finding,
  type ValidateRequest,
  type ValidateResponse,
} from '@internal/plugin-ecs-tmpfs-common';

/**
 * `POST /validate`: lints a task definition document (every task definition in it, with
 * headroom when there is exactly one) or a template body. Nothing is stored.
 */
export function validateDocument(
  request: ValidateRequest,
  options: { headroomThreshold?: number },
): ValidateResponse {
  const hasTaskDefinition = request.taskDefinition !== undefined;
  const hasTemplate = request.template !== undefined;
  if (hasTaskDefinition === hasTemplate) {
    throw new InputError(
      'taskDefinition, template: send exactly one of taskDefinition or template',
    );
  }

  if (hasTemplate) {
    const { value, errors } = validateTemplateInput(request.template);
    if (errors.length > 0 || !value) {
      throw new InputError(
        errors.map(e => `template.${e.field}: ${e.message}`).join('; ') ||
          'template: not a valid template',
      );
    }
    const findings = lintTemplate(value);
    return { valid: !hasError(findings), findings };
  }

  let parsed;
  try {
    parsed = parseTaskDefinitionDocument(request.taskDefinition);
  } catch (error) {
    if (error instanceof TaskDefinitionParseError) {
      throw new InputError(`taskDefinition: ${error.message}`);
    }
    throw error;
  }
  if (parsed.length === 0) {
    throw new InputError(
      'taskDefinition: the document holds no task definition',
    );
  }
  const results = parsed.map(td =>
    lintTaskDefinition(td, {
      headroomThreshold: options.headroomThreshold,
      observedPeakMiB: request.observedPeakMiB,
      metricsAvailable: request.observedPeakMiB !== undefined,
    }),
  );
  const findings = results.flatMap(r => r.findings);
  return {
    valid: !hasError(findings),
    findings,
    headroom: results.length === 1 ? results[0].headroom : undefined,
  };
}

function hasError(findings: Finding[]) {
  return findings.some(f => f.severity === 'error');
}
