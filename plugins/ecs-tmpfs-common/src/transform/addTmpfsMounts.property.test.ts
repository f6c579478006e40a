import { addTmpfsMounts } from './addTmpfsMounts';
import type { AddTmpfsMountsRequest } from './addTmpfsMounts';

/** Small deterministic PRNG (mulberry32) so failures are reproducible by seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATHS = [
  '/tmp',
  '/tmp/',
  '/data',
  '/run/secrets',
  '/var/cache/nginx',
  '/scratch',
];
const OPTIONS = [
  'rw',
  'ro',
  'noexec',
  'exec',
  'nosuid',
  'nodev',
  'mode=0700',
  'mode=1777',
  'uid=1000',
];
const EXTRA_KEYS = ['zeta', 'alpha', 'dockerLabels', 'x-custom', 'ulimits'];

function randomTaskDefinition(r: () => number): Record<string, unknown> {
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)];
  const sample = <T>(list: T[]) => list.filter(() => r() < 0.3);
  const containers = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => {
    const c: Record<string, unknown> = {};
    // random key order, including unknown fields, to catch reordering
    const keys = [
      ...sample(EXTRA_KEYS),
      'name',
      'image',
      'essential',
      'linuxParameters',
      'readonlyRootFilesystem',
    ].sort(() => r() - 0.5);
    for (const key of keys) {
      if (key === 'name') c.name = `c${i}`;
      else if (key === 'image') c.image = 'img';
      else if (key === 'essential') c.essential = r() < 0.7;
      else if (key === 'readonlyRootFilesystem') {
        if (r() < 0.5) c.readonlyRootFilesystem = r() < 0.5;
      } else if (key === 'linuxParameters') {
        if (r() < 0.7) {
          c.linuxParameters = {
            ...(r() < 0.5 && { initProcessEnabled: true }),
            ...(r() < 0.8 && {
              tmpfs: sample(PATHS).map(containerPath => ({
                containerPath,
                size: pick([8, 64, 128]),
                ...(r() < 0.6 && { mountOptions: sample(OPTIONS) }),
              })),
            }),
          };
        }
      } else c[key] = { v: r() };
    }
    return c;
  });
  if (!containers.some(c => c.essential)) containers[0].essential = true;
  return {
    family: 'prop',
    ...(r() < 0.5 && { cpu: '512', memory: '1024' }),
    requiresCompatibilities: [pick(['FARGATE', 'EC2'])],
    containerDefinitions: containers,
    tags: [{ key: 'k', value: 'v' }],
  };
}

function randomRequest(r: () => number): AddTmpfsMountsRequest {
  const count = 1 + Math.floor(r() * 3);
  // one spelling per path: the transform refuses two mounts for one path
  const paths = PATHS.filter(p => p !== '/tmp/')
    .sort(() => r() - 0.5)
    .slice(0, count);
  return {
    mounts: paths.map(containerPath => ({
      containerPath,
      size: [8, 64, 256][Math.floor(r() * 3)],
      ...(r() < 0.5 && { mountOptions: OPTIONS.filter(() => r() < 0.25) }),
    })),
    applySecureDefaults: r() < 0.5,
    readonlyRootFilesystem: r() < 0.5,
  };
}

/** Whether a changed path lies below this one (so its value differs, but only there). */
function touched(path: string, changed: string[]): boolean {
  if (path === '') return changed.length > 0;
  return changed.some(
    c => c.startsWith(`${path}.`) || c.startsWith(`${path}[`),
  );
}

/** Checks that every untouched value is deep-equal and every object keeps its key order. */
function expectUntouchedKept(
  before: unknown,
  after: unknown,
  path: string,
  changed: string[],
) {
  // a value the diff names as replaced (or anything below it) may differ
  if (
    changed.some(
      c => path === c || path.startsWith(`${c}.`) || path.startsWith(`${c}[`),
    )
  )
    return;
  if (!touched(path, changed)) {
    expect({ path, value: after }).toEqual({ path, value: before });
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    before.forEach((item, i) =>
      expectUntouchedKept(item, after[i], `${path}[${i}]`, changed),
    );
    return;
  }
  if (
    before &&
    after &&
    typeof before === 'object' &&
    typeof after === 'object'
  ) {
    const beforeKeys = Object.keys(before);
    // old keys keep their order; new keys only come after them
    expect(Object.keys(after).slice(0, beforeKeys.length)).toEqual(beforeKeys);
    for (const key of beforeKeys) {
      expectUntouchedKept(
        (before as any)[key],
        (after as any)[key],
        path ? `${path}.${key}` : key,
        changed,
      );
    }
  }
}

describe('addTmpfsMounts properties', () => {
  const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);

  it.each(SEEDS.slice(0, 1))('seed setup sanity (%i)', seed => {
    expect(randomTaskDefinition(prng(seed)).containerDefinitions).toBeDefined();
  });

  it('applying twice equals applying once (300 random cases)', () => {
    for (const seed of SEEDS) {
      const r = prng(seed);
      const td = randomTaskDefinition(r);
      const request = randomRequest(r);
      const once = addTmpfsMounts(td, request);
      const twice = addTmpfsMounts(once.taskDefinition, request);
      expect({ seed, td: twice.taskDefinition }).toEqual({
        seed,
        td: once.taskDefinition,
      });
      expect({ seed, changed: twice.changed }).toEqual({
        seed,
        changed: false,
      });
      expect(JSON.stringify(twice.taskDefinition)).toBe(
        JSON.stringify(once.taskDefinition),
      );
    }
  });

  it('keeps every untouched field deep-equal and in the same order (300 random cases)', () => {
    let changedCases = 0;
    for (const seed of SEEDS) {
      const r = prng(seed);
      const td = randomTaskDefinition(r);
      const snapshot = JSON.stringify(td);
      const result = addTmpfsMounts(td, randomRequest(r));
      expect(JSON.stringify(td)).toBe(snapshot);
      if (result.changed) changedCases++;
      try {
        expectUntouchedKept(
          td,
          result.taskDefinition,
          '',
          result.diff.map(d => d.path),
        );
      } catch (e) {
        throw new Error(
          `seed ${seed}, diff ${JSON.stringify(
            result.diff.map(d => d.path),
          )}: ${e}`,
        );
      }
    }
    // the generator must exercise real changes, not only no-ops
    expect(changedCases).toBeGreaterThan(200);
  });
});
