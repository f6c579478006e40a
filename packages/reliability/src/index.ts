/**
 * Fault and load suite for the ECS tmpfs backend: harnesses shared by the tests in this
 * package and `scripts/bench/fleet-scale-bench.ts`.
 *
 * @packageDocumentation
 */
export * from './harness/api';
export * from './harness/config';
export * from './harness/database';
export * from './harness/fleet';
export * from './harness/hostileCorpus';
