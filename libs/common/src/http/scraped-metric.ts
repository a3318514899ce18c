import type { Metric } from 'prom-client';

/** One line of a series as the registry writes it (`metricName` for a histogram's `_bucket`, `_sum`, `_count`). */
export interface Sample {
  metricName?: string;
  labels: Record<string, string | number>;
  value: number;
}

/**
 * A metric whose values are computed when /metrics is scraped (prom-client takes any object with
 * `get`): plain numbers counted on the hot path, or a figure read from elsewhere (a database, the
 * broker) only when someone asks for it.
 */
export function scrapedMetric(
  name: string,
  help: string,
  type: 'counter' | 'gauge' | 'histogram',
  values: () => Sample[] | Promise<Sample[]>,
  /** What the registry's `resetMetrics` does (tests): drop the counts kept by the caller. */
  reset: () => void = () => {},
): Metric {
  return {
    name,
    help,
    type,
    aggregator: 'sum',
    get: async () => ({ name, help, type, aggregator: 'sum', values: await values() }),
    reset,
  } as unknown as Metric;
}
