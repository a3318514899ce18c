import { LRUCache } from 'lru-cache';

/** Anything the cache keeps: it knows how much memory each holds. */
export interface Sized {
  readonly bytes: number;
  /** Kept this long at most, whatever the caller asked (an answer made from a stand-in). */
  readonly ttlMs?: number;
}

export interface AnswerCacheOptions {
  /** Memory bound: least recently used entries go first beyond it. */
  maxBytes: number;
  /** Longest an entry is kept, changes or not (answers that depend on the time of day). */
  maxTtlMs: number;
  /** The time, in ms, that ages entries: the service's clock, so that answers age with what they show. */
  now?: () => number;
}

export interface AnswerCacheFigures {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  invalidations: number;
  /** False while changes cannot be heard: every read then goes to the database. */
  following: boolean;
}

/**
 * The catalog's public answers (and the whole-catalog snapshot they are cut from), in memory, filled on
 * first use. Correct because of when entries may be stored, not only when they are dropped: every change
 * (a commit notified on the catalog's channel) moves the generation on and empties the cache, and a fill
 * keeps its result only if no change came between its start and its end, so an answer read from data
 * that was changing is used once and never kept. While changes cannot be heard (the listening connection
 * is down, and before it is up), nothing is kept or served from memory: reads go to the database.
 */
export class AnswerCache {
  private generation = 0;
  private following = false;
  private readonly entries: LRUCache<string, Sized>;
  /** Fills in progress, so that concurrent misses of one key wait for one fill (a cold start's stampede). */
  private readonly filling = new Map<string, Promise<Sized>>();
  /** Raw request URLs the fast lane may answer, to the key of their answer. */
  private readonly urls = new LRUCache<string, string>({ max: 20_000 });
  private hits = 0;
  private misses = 0;
  private invalidations = 0;

  constructor(private readonly options: AnswerCacheOptions) {
    this.entries = new LRUCache<string, Sized>({
      maxSize: options.maxBytes,
      sizeCalculation: (entry) => Math.max(1, entry.bytes),
      ttl: options.maxTtlMs,
      // An entry bigger than the whole bound is served but not kept.
      maxEntrySize: options.maxBytes,
      ...(options.now ? { perf: { now: options.now } } : {}),
    });
  }

  /** The entry for `key`, from memory or from `fill` (kept `ttlMs` at most when given). */
  async get<T extends Sized>(key: string, fill: () => Promise<T>, ttlMs?: number): Promise<T> {
    if (!this.following) {
      this.misses++;
      return fill();
    }
    const hit = this.entries.get(key);
    if (hit) {
      this.hits++;
      return hit as T;
    }
    const pending = this.filling.get(key);
    if (pending) {
      this.hits++;
      return pending as Promise<T>;
    }
    this.misses++;
    const generation = this.generation;
    const filled = fill().then((entry) => {
      if (this.following && generation === this.generation) {
        this.entries.set(
          key,
          entry,
          ttlMs === undefined ? {} : { ttl: Math.min(ttlMs, this.options.maxTtlMs) },
        );
      }
      return entry;
    });
    this.filling.set(key, filled);
    const forget = () => {
      if (this.filling.get(key) === filled) this.filling.delete(key);
    };
    filled.then(forget, forget);
    return filled;
  }

  /** What the fast lane serves for a raw URL, when an anonymous request for it was answered from here. */
  peekUrl<T extends Sized>(url: string): T | undefined {
    const key = this.urls.get(url);
    if (key === undefined) return undefined;
    const entry = this.entries.get(key);
    if (entry) this.hits++;
    return entry as T | undefined;
  }

  /** Lets the fast lane answer `url` with `key`'s entry while it is kept. */
  rememberUrl(url: string, key: string) {
    if (this.following && this.entries.has(key)) this.urls.set(url, key);
  }

  /** A change was committed: nothing kept so far may be served again. */
  invalidate() {
    this.generation++;
    this.invalidations++;
    this.entries.clear();
    this.urls.clear();
    this.filling.clear();
  }

  /** Changes can no longer be heard: stop serving from memory until `resumed`. */
  suspended() {
    this.following = false;
    this.invalidate();
  }

  /** Changes are heard again (or for the first time); what was missed meanwhile is unknown, so start empty. */
  resumed() {
    this.invalidate();
    this.following = true;
  }

  figures(): AnswerCacheFigures {
    return {
      entries: this.entries.size,
      bytes: this.entries.calculatedSize,
      hits: this.hits,
      misses: this.misses,
      invalidations: this.invalidations,
      following: this.following,
    };
  }
}
