import { SeededRandom, hashString, unitHashInts } from '../random';
import { SimMemoryProfile, SimService } from './types';

/** What the generated metrics should make the product conclude about a service. */
export type HeadroomSituation = 'ok' | 'oversized' | 'low' | 'exhausted';

const DAY_MS = 86_400_000;
const PEAK_HOUR_UTC = 14;
const SPIKE_DAILY_PROBABILITY = 0.35;

/**
 * A profile whose 14-day peak lands where `situation` asks, given the task memory limit and
 * its tmpfs capacity (headroom = limit − peak − tmpfs).
 */
export function memoryProfileFor(
  rng: SeededRandom,
  opts: {
    taskMemoryMiB: number;
    tmpfsMiB: number;
    situation: HeadroomSituation;
    containerInsights: boolean;
    hasMetrics: boolean;
  },
): SimMemoryProfile {
  const limit = opts.taskMemoryMiB;
  const room = Math.max(limit - opts.tmpfsMiB, limit * 0.05);
  let peak: number;
  switch (opts.situation) {
    case 'oversized':
      peak = limit * (0.08 + rng.next() * 0.1);
      break;
    case 'low':
      peak = room - limit * (0.02 + rng.next() * 0.05);
      break;
    case 'exhausted':
      peak = Math.min(room + limit * rng.next() * 0.05, limit * 0.97);
      break;
    default:
      peak = room * (0.4 + rng.next() * 0.3);
  }
  peak = Math.max(peak, 16);
  const withSpikes = opts.situation !== 'oversized' && rng.chance(0.7);
  const extraMiB = withSpikes ? peak * (0.1 + rng.next() * 0.1) : 0;
  const noiseMiB = peak * 0.01;
  const dailyAmplitudeMiB = (peak - extraMiB) * (0.15 + rng.next() * 0.2);
  return {
    baselineMiB: round(peak - extraMiB - dailyAmplitudeMiB - noiseMiB),
    dailyAmplitudeMiB: round(dailyAmplitudeMiB),
    noiseMiB: round(noiseMiB),
    spikes: {
      dailyProbability: withSpikes ? SPIKE_DAILY_PROBABILITY : 0,
      durationMinutes: withSpikes ? rng.int(10, 90) : 0,
      extraMiB: round(extraMiB),
    },
    containerInsights: opts.containerInsights,
    hasMetrics: opts.hasMetrics,
  };
}

function round(value: number) {
  return Math.round(value * 10) / 10;
}

const serviceHashes = new WeakMap<SimService, Map<number, number>>();

function serviceHash(service: SimService, seed: number): number {
  let bySeed = serviceHashes.get(service);
  if (!bySeed) {
    bySeed = new Map();
    serviceHashes.set(service, bySeed);
  }
  let hash = bySeed.get(seed);
  if (hash === undefined) {
    hash = hashString(service.serviceArn, seed);
    bySeed.set(seed, hash);
  }
  return hash;
}

/** Per-task memory in use at one instant, MiB; a pure function of service, seed and time. */
export function memoryUsedAt(
  service: SimService,
  seed: number,
  atMs: number,
): number {
  const p = service.memory;
  const id = serviceHash(service, seed);
  const dayFraction = (atMs % DAY_MS) / DAY_MS;
  const daily =
    (1 + Math.cos(2 * Math.PI * (dayFraction - PEAK_HOUR_UTC / 24))) / 2;
  const minute = Math.floor(atMs / 60_000);
  const noise = (unitHashInts(id, minute, 1) * 2 - 1) * p.noiseMiB;
  let value = p.baselineMiB + p.dailyAmplitudeMiB * daily + noise;
  if (p.spikes.dailyProbability > 0) {
    const day = Math.floor(atMs / DAY_MS);
    if (unitHashInts(id, day, 2) < p.spikes.dailyProbability) {
      const startMinute = Math.floor(
        unitHashInts(id, day, 3) * (1440 - p.spikes.durationMinutes),
      );
      const minuteOfDay = minute - day * 1440;
      if (
        minuteOfDay >= startMinute &&
        minuteOfDay < startMinute + p.spikes.durationMinutes
      ) {
        value += p.spikes.extraMiB;
      }
    }
  }
  return Math.max(value, 1);
}

export interface WindowAggregate {
  average: number;
  maximum: number;
  minimum: number;
  samples: number;
}

/** Aggregates one metric period by sampling at most ~12 instants in it (bounded cost per point). */
export function aggregateMemory(
  service: SimService,
  seed: number,
  startMs: number,
  periodSeconds: number,
): WindowAggregate {
  const stepMs = Math.max(60, Math.floor(periodSeconds / 12)) * 1000;
  let sum = 0;
  let maximum = -Infinity;
  let minimum = Infinity;
  let samples = 0;
  for (let t = startMs; t < startMs + periodSeconds * 1000; t += stepMs) {
    const v = memoryUsedAt(service, seed, t);
    sum += v;
    maximum = Math.max(maximum, v);
    minimum = Math.min(minimum, v);
    samples++;
  }
  return { average: sum / samples, maximum, minimum, samples };
}
