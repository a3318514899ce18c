import type { Metric } from 'prom-client';

/** One line of a series as the registry writes it (`metricName` for a histogram's `_bucket`, `_sum`, `_count`). */
export interface Sample {
  metricName?: string;
  labels: Record<string, string | number>;
  value: number;
}

/** A metric the registry reads when scraped (prom-client takes any object with `get`). */
export function series(
  name: string,
  help: string,
  type: 'counter' | 'histogram',
  values: () => Sample[],
  reset: () => void,
): Metric {
  return {
    name,
    help,
    type,
    aggregator: 'sum',
    get: async () => ({
      name,
      help,
      type,
      aggregator: 'sum',
      values: values(),
    }),
    reset,
  } as unknown as Metric;
}
