import type { ContainerModel } from '../model/types';
import type { Finding } from './types';

export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'>;

/** A finding that belongs to one container. */
export function containerFinding(
  container: ContainerModel,
  path: string,
  message: string,
  fix: string,
): RuleFinding {
  return { path, container: container.name, message, fix };
}

/** `"/tmp"` for messages. */
export function quote(value: string): string {
  return JSON.stringify(value);
}
