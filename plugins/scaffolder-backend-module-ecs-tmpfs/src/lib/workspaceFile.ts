import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import fs from 'node:fs/promises';
import { detectJsonFormat, jsonBody, type JsonFormat } from './jsonFormat';

/** A JSON file read from the task workspace, with the layout needed to write it back. */
export interface WorkspaceJsonFile {
  /** absolute path, guaranteed inside the workspace */
  absolutePath: string;
  doc: unknown;
  format: JsonFormat;
}

/** resolves `relativePath` inside the workspace; `field` names the input in errors */
export function resolveWorkspacePath(
  workspacePath: string,
  relativePath: string,
  field: string,
): string {
  try {
    return resolveSafeChildPath(workspacePath, relativePath);
  } catch {
    throw new NotAllowedError(
      `${field} '${relativePath}' is outside the task workspace`,
    );
  }
}

export async function readWorkspaceJson(
  workspacePath: string,
  relativePath: string,
  field: string,
): Promise<WorkspaceJsonFile> {
  const absolutePath = resolveWorkspacePath(workspacePath, relativePath, field);
  let text: string;
  try {
    text = await fs.readFile(absolutePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `${field} '${relativePath}' does not exist in the task workspace`
        : `${field} '${relativePath}' cannot be read: ${code ?? error}`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(jsonBody(text));
  } catch (error) {
    throw new InputError(
      `${field} '${relativePath}' is not valid JSON: ${
        (error as Error).message
      }`,
    );
  }
  return { absolutePath, doc, format: detectJsonFormat(text) };
}

/** writes through a temporary file and a rename, so a failure never leaves half a file */
export async function writeFileAtomically(
  absolutePath: string,
  text: string,
): Promise<void> {
  const temporary = `${absolutePath}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(temporary, text, 'utf8');
  try {
    await fs.rename(temporary, absolutePath);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
