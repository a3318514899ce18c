import type { Logger } from '../logging/logger.js';

/** What a writer announces on the channel: a key set (with its time to live) or deleted. */
export interface KeyChange {
  /** The key without the store's namespace. */
  k: string;
  /** The new value; absent when the key was deleted. */
  v?: string;
  /** Time to live in ms; absent for a key that does not expire. */
  t?: number;
}

interface Entry {
  value: string;
  /** ms since the epoch; Infinity for a key without expiry. */
  expiresAt: number;
}

/** The Redis commands a snapshot needs, on the store's own (non-subscribed) connection. */
export interface SnapshotSource {
  /** Every key under the prefix, with its value and remaining time to live (ms; -1 for none). */
  load(): Promise<{ key: string; value: string; ttlMs: number }[]>;
}

/**
 * A process's own copy of the keys under some prefixes (the token denylist), kept current by the
 * changes writers publish, so that reading them needs no round trip.
 *
 * Pub/sub delivers at most once: a change published while the subscription is down is lost. So the copy
 * is trusted only while it is in sync: it falls out of sync the moment the subscriber's connection has
 * an error or ends, and gets back in only after a fresh snapshot taken once the subscription is live
 * again (changes that arrive while the snapshot loads are applied on top of it, being as new or newer).
 * Out of sync, `lookup` answers undefined and the store asks Redis per request instead, as before.
 * Entries carry their expiry and are treated as absent from then on, as Redis would.
 */
export class LocalCopy {
  private entries = new Map<string, Entry>();
  private inSync = false;
  /** Changes received while a snapshot loads, applied after it; undefined when no snapshot loads. */
  private pending: KeyChange[] | undefined;
  /** Bumped on every loss of sync, so that a snapshot started before it is discarded. */
  private generation = 0;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    readonly prefixes: readonly string[],
    private readonly source: SnapshotSource,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    // Expired entries are already invisible; this only bounds memory.
    this.sweeper = setInterval(() => this.sweep(), 60_000).unref();
  }

  covers(key: string) {
    for (const prefix of this.prefixes) if (key.startsWith(prefix)) return true;
    return false;
  }

  get synced() {
    return this.inSync;
  }

  /** The values of keys this copy covers, or undefined when it cannot vouch for them (out of sync). */
  lookup(keys: readonly string[]): (string | null)[] | undefined {
    if (!this.inSync) return undefined;
    const values: (string | null)[] = [];
    for (const key of keys) {
      if (!this.covers(key)) return undefined;
      values.push(this.valueOf(key));
    }
    return values;
  }

  private valueOf(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  /** A change from the channel (or this process's own write, applied at once). */
  apply(change: KeyChange) {
    if (this.pending) {
      this.pending.push(change);
      return;
    }
    this.put(change);
  }

  private put({ k, v, t }: KeyChange) {
    if (v === undefined) this.entries.delete(k);
    else this.entries.set(k, { value: v, expiresAt: t === undefined ? Infinity : this.now() + t });
  }

  /** The subscription is down: stop vouching for the copy until the next snapshot. */
  lost() {
    if (this.inSync) this.logger.warn('local copy of the denylist out of sync; asking Redis per request');
    this.inSync = false;
    this.pending = undefined;
    this.generation++;
  }

  /**
   * Called once the subscription is live (confirmed by Redis): loads a snapshot, replays the changes
   * received meanwhile, and trusts the copy again. Answers false when sync was lost again meanwhile or
   * the snapshot failed (the caller retries).
   */
  async resync(): Promise<boolean> {
    const generation = ++this.generation;
    this.inSync = false;
    this.pending = [];
    let rows: Awaited<ReturnType<SnapshotSource['load']>>;
    try {
      rows = await this.source.load();
    } catch (error) {
      if (generation === this.generation) this.pending = undefined;
      this.logger.warn({ err: error }, 'could not load the denylist snapshot; asking Redis per request');
      return false;
    }
    if (generation !== this.generation) return false;
    const fresh = new Map<string, Entry>();
    const now = this.now();
    for (const { key, value, ttlMs } of rows) {
      if (ttlMs === -2) continue; // expired between the scan and the read
      fresh.set(key, { value, expiresAt: ttlMs < 0 ? Infinity : now + ttlMs });
    }
    this.entries = fresh;
    const replay = this.pending ?? [];
    this.pending = undefined;
    for (const change of replay) this.put(change);
    this.inSync = true;
    this.logger.info({ keys: fresh.size }, 'local copy of the denylist in sync');
    return true;
  }

  private sweep() {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  close() {
    clearInterval(this.sweeper);
    this.lost();
  }
}
