import { InputError } from '@backstage/errors';
import {
  lintTemplate,
  validateTemplateInput,
  type Finding,
  type TmpfsTemplateInput,
} from '@internal/plugin-ecs-tmpfs-common';

/** A template refused because a rule finds an `error` in it; the body carries the findings. */
export class TemplateRejectedError extends InputError {
  constructor(message: string, readonly findings: Finding[]) {
    super(message);
  }
}

/**
 * Shape check and rule check of a template body, both from the common package, so the API,
 * the config loader and the frontend refuse exactly the same templates.
 *
 * @param where - prefix for field names in messages, e.g. `template.` or `ecsTmpfs.templates[2].`
 */
export function checkTemplate(input: unknown, where = ''): TmpfsTemplateInput {
  const { value, errors } = validateTemplateInput(input);
  if (errors.length > 0 || !value) {
    throw new InputError(
      errors.length > 0
        ? errors.map(e => `${where}${e.field}: ${e.message}`).join('; ')
        : `${where || 'template'}: not a valid template`,
    );
  }
  const findings = lintTemplate(value);
  const blocking = findings.filter(f => f.severity === 'error');
  if (blocking.length > 0) {
    throw new TemplateRejectedError(
      `Template '${value.name}' is refused: ${blocking
        .map(f => `${where}${f.path}: ${f.message} [${f.ruleId}]`)
        .join('; ')}`,
      findings,
    );
  }
  return value;
}
