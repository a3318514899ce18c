/**
 * Each statistic computed at most once per `ttlMs`. Once a value is known, a request never waits for a
 * computation: an expired value is answered while one computation replaces it in the background
 * (bench:monitor: waiting for the recomputation was each route's p99, up to 3× the gateway's).
 * `ttlMs = 0` computes on every request (tests). A rebuild clears it.
 */
export function statsCache(ttlMs: number, now: () => number = Date.now) {
  const entries = new Map<string, { at: number; value?: unknown; pending?: Promise<unknown> }>();

  const refresh = <T>(key: string, compute: () => Promise<T>) => {
    const entry = entries.get(key) ?? { at: 0 };
    if (entry.pending) return entry.pending as Promise<T>;
    const pending = compute().then(
      (value) => {
        entries.set(key, { at: now(), value });
        return value;
      },
      (error: unknown) => {
        // A failed computation is not kept: the next request tries again.
        entry.pending = undefined;
        throw error;
      },
    );
    entry.pending = pending;
    entries.set(key, entry);
    return pending;
  };

  return {
    async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      if (ttlMs === 0) return compute();
      const entry = entries.get(key);
      if (!entry || !('value' in entry)) return refresh(key, compute);
      if (now() - entry.at >= ttlMs) refresh(key, compute).catch(() => undefined);
      return entry.value as T;
    },
    clear() {
      entries.clear();
    },
  };
}

export type StatsCache = ReturnType<typeof statsCache>;
