import {
  lintTaskDefinition,
  parseTaskDefinitionDocument,
  prefixPath,
  TaskDefinitionParseError,
  type Finding,
  type HeadroomResult,
  type LintOptions,
} from '@internal/plugin-ecs-tmpfs-common';
import {
  JsonSyntaxError,
  locate,
  parseJsonWithPositions,
  type SourcePosition,
} from './jsonLocator';

/** A finding placed in its source file. */
export interface LocatedFinding extends Finding {
  /** path inside the whole document (with the task definition's prefix) */
  documentPath: string;
  position: SourcePosition;
}

export interface TaskDefinitionReport {
  file: string;
  /** JSON path of the task definition inside the file ('' for a bare task definition) */
  pathPrefix: string;
  family?: string;
  revision?: number;
  findings: LocatedFinding[];
  headroom: HeadroomResult;
}

/** One input source: a file name (or `-`) and its text, or why it could not be read. */
export interface SourceText {
  file: string;
  text: string;
}

export class UnusableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableInputError';
  }
}

/**
 * Parses one file's text and lints every task definition in it.
 * Throws UnusableInputError with a one-line `file:line:column: …` message for bad input.
 */
export function lintSource(
  source: SourceText,
  options: LintOptions,
): TaskDefinitionReport[] {
  let located;
  try {
    located = parseJsonWithPositions(source.text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      const { line, column } = e.position;
      throw new UnusableInputError(
        `${source.file}:${line}:${column}: ${e.message}`,
      );
    }
    if (e instanceof RangeError) {
      // the recursive parser's stack: no task definition nests anywhere near this deep
      throw new UnusableInputError(
        `${source.file}: JSON nested too deeply to be a task definition`,
      );
    }
    throw e;
  }
  let parsed;
  try {
    parsed = parseTaskDefinitionDocument(located.value);
  } catch (e) {
    if (e instanceof TaskDefinitionParseError) {
      throw new UnusableInputError(`${source.file}: ${e.message}`);
    }
    throw e;
  }
  return parsed.map(td => {
    const { findings, headroom } = lintTaskDefinition(td, options);
    return {
      file: source.file,
      pathPrefix: td.pathPrefix,
      family: td.model.family,
      revision: td.model.revision,
      headroom,
      findings: findings.map(f => {
        const documentPath = prefixPath(td.pathPrefix, f.path);
        return {
          ...f,
          documentPath,
          position: locate(located.positions, documentPath),
        };
      }),
    };
  });
}
