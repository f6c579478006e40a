import type { Severity } from '@internal/plugin-ecs-tmpfs-common';

export type OutputFormat = 'text' | 'json' | 'sarif';
export type FailOn = Severity | 'none';

export interface LintArgs {
  command: 'lint';
  files: string[];
  format: OutputFormat;
  failOn: FailOn;
  observedPeakMiB?: number;
  headroomThreshold?: number;
}

export type ParsedArgs = LintArgs | { command: 'help' };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: ecs-tmpfs lint [options] <file|->...

Lint ECS task-definition JSON (one task definition, an array of them, or a
DescribeTaskDefinition response) for tmpfs, read-only root and memory problems.

Options:
  -f, --format <text|json|sarif>   output format (default: text)
      --fail-on <error|warning|info|none>
                                   exit 1 when a finding reaches this severity (default: error)
      --observed-peak <MiB>        observed memory peak: enables the headroom rules
      --headroom-threshold <ratio> headroom threshold as a fraction (0.1) or percent (10%)
  -h, --help                       show this help

Exit codes: 0 no finding reaches --fail-on, 1 one does, 2 unusable input or usage.
`;

const FORMATS: OutputFormat[] = ['text', 'json', 'sarif'];
const FAIL_ON: FailOn[] = ['error', 'warning', 'info', 'none'];

function parseThreshold(value: string): number {
  const percent = value.endsWith('%');
  const n = Number(percent ? value.slice(0, -1) : value);
  const ratio = percent || n >= 1 ? n / 100 : n;
  if (value.trim() === '' || !Number.isFinite(n) || ratio < 0 || ratio >= 1) {
    throw new UsageError(
      `--headroom-threshold must be a fraction below 1 or a percent below 100, got "${value}"`,
    );
  }
  return ratio;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (
    command === undefined ||
    command === 'help' ||
    command === '--help' ||
    command === '-h'
  ) {
    return { command: 'help' };
  }
  if (command !== 'lint') {
    throw new UsageError(
      `unknown command "${command}" (try: ecs-tmpfs lint <file>)`,
    );
  }
  const args: LintArgs = {
    command: 'lint',
    files: [],
    format: 'text',
    failOn: 'error',
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '-' || !arg.startsWith('-')) {
      args.files.push(arg);
      continue;
    }
    if (arg === '--') {
      args.files.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { command: 'help' };
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const value = rest[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      return value;
    };
    switch (name) {
      case '-f':
      case '--format': {
        const value = takeValue();
        if (!FORMATS.includes(value as OutputFormat)) {
          throw new UsageError(
            `--format must be one of ${FORMATS.join(', ')}, got "${value}"`,
          );
        }
        args.format = value as OutputFormat;
        break;
      }
      case '--fail-on': {
        const value = takeValue();
        if (!FAIL_ON.includes(value as FailOn)) {
          throw new UsageError(
            `--fail-on must be one of ${FAIL_ON.join(', ')}, got "${value}"`,
          );
        }
        args.failOn = value as FailOn;
        break;
      }
      case '--observed-peak': {
        const value = takeValue();
        const n = Number(value);
        if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
          throw new UsageError(
            `--observed-peak must be a number of MiB ≥ 0, got "${value}"`,
          );
        }
        args.observedPeakMiB = n;
        break;
      }
      case '--headroom-threshold':
        args.headroomThreshold = parseThreshold(takeValue());
        break;
      default:
        throw new UsageError(`unknown option "${name}"`);
    }
  }
  if (args.files.length === 0) {
    throw new UsageError('name at least one file, or - for standard input');
  }
  return args;
}
