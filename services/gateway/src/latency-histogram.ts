import type { Sample } from '@sproul/common/http';
import type { ServiceName } from './route-table.js';

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export interface Timings {
  /** Answers per bucket, not cumulative (the last slot is above the largest bound). */
  buckets: Float64Array;
  sum: number;
  count: number;
}

export const newTimings = (): Timings => ({
  buckets: new Float64Array(BUCKETS.length + 1),
  sum: 0,
  count: 0,
});

/** Counts one answer `seconds` after its request came. */
export function recordTiming(timing: Timings, seconds: number) {
  let bucket = 0;
  while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]!) bucket++;
  timing.buckets[bucket]! += 1;
  timing.sum += seconds;
  timing.count += 1;
}

/** The series as prom-client writes a histogram's: cumulative `_bucket`s with `le`, then `_sum`, `_count`. */
export function histogramValues(name: string, service: ServiceName, timing: Timings): Sample[] {
  const values: Sample[] = [];
  let cumulative = 0;
  for (let i = 0; i <= BUCKETS.length; i++) {
    cumulative += timing.buckets[i]!;
    values.push({
      metricName: `${name}_bucket`,
      labels: { le: i < BUCKETS.length ? BUCKETS[i]! : '+Inf', service },
      value: cumulative,
    });
  }
  values.push({ metricName: `${name}_sum`, labels: { service }, value: timing.sum });
  values.push({ metricName: `${name}_count`, labels: { service }, value: timing.count });
  return values;
}
