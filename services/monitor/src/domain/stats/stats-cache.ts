/**
 * Each statistic computed at most once per `ttlMs` (and once at a time: concurrent requests share the
 * computation in flight). A rebuild clears it, so its first figures are not the dropped ones.
 */
export function statsCache(ttlMs: number, now: () => number = Date.now) {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const entry = entries.get(key);
      if (entry && now() - entry.at < ttlMs) return entry.value as Promise<T>;
      const value = compute();
      entries.set(key, { at: now(), value });
      // A failed computation is not kept: the next request tries again.
      value.catch(() => entries.get(key)?.value === value && entries.delete(key));
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}

export type StatsCache = ReturnType<typeof statsCache>;
