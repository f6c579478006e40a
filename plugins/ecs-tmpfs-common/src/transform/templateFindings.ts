import type { TmpfsTemplateInput } from '../api/types';
import { describeValue, isRecord, joinPath } from '../model/json';
import { isValidTmpfsSize } from '../model/mounts';
import { parseTaskDefinition } from '../model/parse';
import type { TmpfsMountSpec } from '../model/types';
import { lintTaskDefinition } from '../rules/index';
import type { Finding } from '../rules/types';

/** @public */
export interface FieldError {
  field: string;
  message: string;
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const GROUP_REF =
  /^(?:group:)?(?:[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/i;
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 2000;
const MAX_MOUNTS = 32;
const MAX_TAGS = 20;

const TEMPLATE_FIELDS = [
  'name',
  'title',
  'description',
  'owner',
  'mounts',
  'readonlyRootFilesystem',
  'tags',
];
const MOUNT_FIELDS = ['containerPath', 'size', 'mountOptions'];

function unknownFields(
  value: Record<string, unknown>,
  allowed: string[],
  base: string,
  errors: FieldError[],
) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      errors.push({
        field: joinPath(base, key),
        message: `unknown field "${key}" (allowed: ${allowed.join(', ')})`,
      });
    }
  }
}

/**
 * Shape of a list of mounts (containerPath a non-empty string, size an integer MiB ≥ 1,
 * mountOptions a list of strings); the rules judge the values themselves.
 */
export function validateMountSpecs(
  mounts: unknown,
  base: string,
): { value?: TmpfsMountSpec[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!Array.isArray(mounts) || mounts.length === 0) {
    errors.push({
      field: base,
      message: `must be a non-empty list of mounts, got ${describeValue(
        mounts,
      )}`,
    });
    return { errors };
  }
  if (mounts.length > MAX_MOUNTS) {
    errors.push({
      field: base,
      message: `has ${mounts.length} mounts, at most ${MAX_MOUNTS} are allowed`,
    });
  }
  const value: TmpfsMountSpec[] = [];
  mounts.forEach((mount, i) => {
    const at = joinPath(base, i);
    if (!isRecord(mount)) {
      errors.push({
        field: at,
        message: `must be an object, got ${describeValue(mount)}`,
      });
      return;
    }
    unknownFields(mount, MOUNT_FIELDS, at, errors);
    const { containerPath, size, mountOptions } = mount;
    if (typeof containerPath !== 'string' || containerPath.trim() === '') {
      errors.push({
        field: `${at}.containerPath`,
        message: `must be a non-empty path string, got ${describeValue(
          containerPath,
        )}`,
      });
    }
    if (!isValidTmpfsSize(size)) {
      errors.push({
        field: `${at}.size`,
        message: `must be an integer number of MiB ≥ 1, got ${describeValue(
          size,
        )}`,
      });
    }
    if (
      mountOptions !== undefined &&
      (!Array.isArray(mountOptions) ||
        mountOptions.some(o => typeof o !== 'string'))
    ) {
      errors.push({
        field: `${at}.mountOptions`,
        message: `must be a list of strings, got ${describeValue(
          mountOptions,
        )}`,
      });
    }
    value.push({
      containerPath: containerPath as string,
      size: size as number,
      ...(mountOptions !== undefined && {
        mountOptions: mountOptions as string[],
      }),
    });
  });
  return errors.length ? { errors } : { value, errors };
}

/**
 * Control characters, and the bidirectional overrides and isolates that can make a title read
 * as something else where it is listed (`\u202e` reverses the text after it).
 */
const UNSAFE_TEXT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

function requireString(
  input: Record<string, unknown>,
  field: string,
  maxLength: number,
  errors: FieldError[],
  optional = false,
) {
  const value = input[field];
  if (value === undefined && optional) return;
  if (
    typeof value !== 'string' ||
    value.trim() === '' ||
    value.length > maxLength
  ) {
    errors.push({
      field,
      message: `must be a non-empty string of at most ${maxLength} characters, got ${describeValue(
        value,
      )}`,
    });
    return;
  }
  if (UNSAFE_TEXT.test(value)) {
    errors.push({
      field,
      message: `must not contain control or text-direction characters, got ${JSON.stringify(
        value,
      )}`,
    });
  }
}

/**
 * Strict shape validation of a template body: unknown fields are rejected; `field` is a JSON
 * path such as `mounts[3].size` and the message names the value.
 * @public
 */
export function validateTemplateInput(input: unknown): {
  value?: TmpfsTemplateInput;
  errors: FieldError[];
} {
  if (!isRecord(input)) {
    return {
      errors: [
        {
          field: '',
          message: `must be an object, got ${describeValue(input)}`,
        },
      ],
    };
  }
  const errors: FieldError[] = [];
  unknownFields(input, TEMPLATE_FIELDS, '', errors);
  const { name, owner, readonlyRootFilesystem, tags } = input;
  if (typeof name !== 'string' || name.length > 63 || !NAME.test(name)) {
    errors.push({
      field: 'name',
      message: `must be 1–63 lowercase letters, digits and single dashes, got ${describeValue(
        name,
      )}`,
    });
  }
  requireString(input, 'title', MAX_TITLE, errors);
  requireString(input, 'description', MAX_DESCRIPTION, errors, true);
  if (typeof owner !== 'string' || !GROUP_REF.test(owner)) {
    errors.push({
      field: 'owner',
      message: `must be a group reference such as "group:default/platform", got ${describeValue(
        owner,
      )}`,
    });
  }
  const mounts = validateMountSpecs(input.mounts, 'mounts');
  errors.push(...mounts.errors);
  if (
    readonlyRootFilesystem !== undefined &&
    typeof readonlyRootFilesystem !== 'boolean'
  ) {
    errors.push({
      field: 'readonlyRootFilesystem',
      message: `must be true or false, got ${describeValue(
        readonlyRootFilesystem,
      )}`,
    });
  }
  if (tags !== undefined) {
    if (
      !Array.isArray(tags) ||
      tags.length > MAX_TAGS ||
      tags.some(t => typeof t !== 'string' || !NAME.test(t))
    ) {
      errors.push({
        field: 'tags',
        message: `must be a list of at most ${MAX_TAGS} lowercase slugs, got ${describeValue(
          tags,
        )}`,
      });
    }
  }
  if (errors.length) return { errors };
  return { value: input as unknown as TmpfsTemplateInput, errors };
}

const PROBE_CONTAINER_PATH = 'containerDefinitions[0].linuxParameters.tmpfs';

/**
 * The findings a template's mounts produce on a Linux Fargate container, with paths rewritten to
 * `mounts[i]…`. Only findings about the mounts themselves are kept: the probe task's own size,
 * user and temp dirs are not the template's business.
 * @public
 */
export function lintTemplate(template: TmpfsTemplateInput): Finding[] {
  const probe = {
    family: 'tmpfs-template-probe',
    requiresCompatibilities: ['FARGATE'],
    runtimePlatform: { operatingSystemFamily: 'LINUX' },
    containerDefinitions: [
      {
        name: 'app',
        essential: true,
        readonlyRootFilesystem: template.readonlyRootFilesystem ?? true,
        linuxParameters: { tmpfs: template.mounts },
      },
    ],
  };
  const { findings } = lintTaskDefinition(parseTaskDefinition(probe));
  return findings
    .filter(f => f.path.startsWith(`${PROBE_CONTAINER_PATH}[`))
    .map(({ container: _probe, ...f }) => ({
      ...f,
      path: `mounts${f.path.slice(PROBE_CONTAINER_PATH.length)}`,
      message: f.message.replace(/ (in|of) container "app"/, ''),
    }));
}
