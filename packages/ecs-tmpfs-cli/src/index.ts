/**
 * The `ecs-tmpfs` command line: lints ECS task definitions with the shared rule engine.
 *
 * @packageDocumentation
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import {
  SEVERITY_ORDER,
  worstSeverity,
  type LintOptions,
} from '@internal/plugin-ecs-tmpfs-common';
import {
  parseArgs,
  USAGE,
  UsageError,
  type FailOn,
  type LintArgs,
} from './args';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import {
  lintSource,
  UnusableInputError,
  type TaskDefinitionReport,
} from './lintDocuments';

const VERSION = '0.1.0';

/** Where the CLI reads and writes; the process's streams unless a test passes its own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  readStdin(): Promise<string>;
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin: readProcessStdin,
};

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
};

async function readSource(file: string, io: CliIo): Promise<string> {
  if (file === '-') return io.readStdin();
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = READ_ERRORS[err.code ?? ''] ?? err.message;
    throw new UnusableInputError(`${file}: cannot read: ${reason}`);
  }
}

/** Files under the working directory are shown relative to it, as editors and SARIF expect. */
function displayName(file: string): string {
  if (file === '-') return '<stdin>';
  const rel = relative(process.cwd(), resolve(file));
  return rel && !rel.startsWith('..') && !isAbsolute(rel)
    ? rel.split(sep).join('/')
    : file;
}

function fails(reports: TaskDefinitionReport[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const worst = worstSeverity(reports.flatMap(r => r.findings));
  return worst !== undefined && SEVERITY_ORDER[worst] >= SEVERITY_ORDER[failOn];
}

async function lint(args: LintArgs, io: CliIo): Promise<number> {
  const options: LintOptions = {
    metricsAvailable: args.observedPeakMiB !== undefined,
    observedPeakMiB: args.observedPeakMiB,
    headroomThreshold: args.headroomThreshold,
  };
  const reports: TaskDefinitionReport[] = [];
  let unusable = false;
  for (const file of args.files) {
    try {
      const text = await readSource(file, io);
      reports.push(...lintSource({ file: displayName(file), text }, options));
    } catch (e) {
      if (!(e instanceof UnusableInputError)) throw e;
      io.stderr.write(`ecs-tmpfs: ${e.message}\n`);
      unusable = true;
    }
  }
  if (args.format === 'json') io.stdout.write(formatJson(reports));
  else if (args.format === 'sarif')
    io.stdout.write(formatSarif(reports, VERSION));
  else if (reports.length > 0) io.stdout.write(formatText(reports));
  if (unusable) return 2;
  return fails(reports, args.failOn) ? 1 : 0;
}

/** Runs the CLI; returns the exit code and sets `process.exitCode` to it. */
export async function main(
  argv: string[],
  io: CliIo = processIo,
): Promise<number> {
  let code: number;
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.stdout.write(USAGE);
      code = 0;
    } else {
      code = await lint(args, io);
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`ecs-tmpfs: ${e.message}\n${USAGE}`);
    code = 2;
  }
  process.exitCode = code;
  return code;
}
