import fs from 'node:fs';
import path from 'node:path';
import { SimTag } from './types';

/** One task definition read from a file, with its tags when the file had them. */
export interface TaskDefinitionFile {
  file: string;
  taskDefinition: Record<string, unknown>;
  tags: SimTag[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toTags(value: unknown): SimTag[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value
    .filter(isObject)
    .filter(t => typeof t.key === 'string' && typeof t.value === 'string')
    .map(t => ({ key: t.key as string, value: t.value as string }));
}

/**
 * Unwraps what people save from the AWS CLI: `describe-task-definition` output
 * (`{ taskDefinition, tags }`), a bare task definition, or an array of either.
 */
export function taskDefinitionsInDocument(
  doc: unknown,
  file: string,
): TaskDefinitionFile[] {
  const entries = Array.isArray(doc) ? doc : [doc];
  return entries.map((entry, index) => {
    const where = Array.isArray(doc) ? `${file}[${index}]` : file;
    if (!isObject(entry)) {
      throw new Error(
        `${where}: not a task definition (expected a JSON object)`,
      );
    }
    const td = isObject(entry.taskDefinition) ? entry.taskDefinition : entry;
    if (
      !Array.isArray(td.containerDefinitions) ||
      typeof td.family !== 'string'
    ) {
      throw new Error(
        `${where}: not a task definition (needs "family" and a "containerDefinitions" array)`,
      );
    }
    return {
      file: where,
      taskDefinition: td,
      tags: toTags(entry.tags ?? td.tags),
    };
  });
}

/** Every `*.json` task definition in a folder (not recursive), in file-name order. */
export function readTaskDefinitionFiles(dir: string): TaskDefinitionFile[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(
      `Task definition folder ${dir} does not exist or is not a folder`,
    );
  }
  const files = fs
    .readdirSync(dir)
    .filter(name => name.endsWith('.json'))
    .sort();
  return files.flatMap(name => {
    const file = path.join(dir, name);
    let doc: unknown;
    try {
      doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
    }
    return taskDefinitionsInDocument(doc, file);
  });
}
