/** One sample of a soak's time series: seconds since the soak began and the value then. */
export interface Sample {
  t: number;
  value: number;
}

/** The least-squares line through the samples: value ≈ intercept + slope × t (t in seconds). */
export function leastSquares(samples: readonly Sample[]): { slope: number; intercept: number } {
  const n = samples.length;
  if (n === 0) return { slope: 0, intercept: Number.NaN };
  const meanT = samples.reduce((sum, s) => sum + s.t, 0) / n;
  const meanV = samples.reduce((sum, s) => sum + s.value, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const { t, value } of samples) {
    covariance += (t - meanT) * (value - meanV);
    variance += (t - meanT) ** 2;
  }
  const slope = variance === 0 ? 0 : covariance / variance;
  return { slope, intercept: meanV - slope * meanT };
}

export interface Trend {
  /** The fitted change per hour, in the series' unit. */
  perHour: number;
  /** The fitted change over the whole soak. */
  drift: number;
  mean: number;
  samples: number;
  /** Whether the fitted drift over the soak stays within the tolerance. */
  flat: boolean;
}

export interface Tolerance {
  relative: number;
  absolute: number;
  /**
   * Which way a drift is a problem: 'down' for throughput (rising while the JIT and caches warm is
   * not a fault), 'both' (the default) for memory, lag and queues.
   */
  worse?: 'both' | 'down';
}

/**
 * A soak series' trend. Flat when the fitted drift over the soak is within `relative` of the mean or
 * within `absolute` (in the series' unit), whichever is larger: memory that grows 2 % while a cache
 * fills, or a lag moving by a tenth of a millisecond, is noise on a shared machine, not a leak.
 */
export function trend(samples: readonly Sample[], tolerance: Tolerance): Trend {
  const { slope } = leastSquares(samples);
  const span = samples.length > 1 ? samples.at(-1)!.t - samples[0]!.t : 0;
  const mean = samples.length ? samples.reduce((sum, s) => sum + s.value, 0) / samples.length : Number.NaN;
  const drift = slope * span;
  const allowed = Math.max(tolerance.absolute, Math.abs(mean) * tolerance.relative);
  const flat = tolerance.worse === 'down' ? drift >= -allowed : Math.abs(drift) <= allowed;
  return { perHour: slope * 3600, drift, mean, samples: samples.length, flat };
}
