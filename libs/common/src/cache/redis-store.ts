import { createClient } from 'redis';
import type { Logger } from '../logging/logger.js';
import type { KeyValueStore } from './key-value-store.js';
import { type KeyChange, LocalCopy } from './local-copy.js';

/** The keys every verifier reads on every request: kept in each process's local copy (local-copy.ts). */
export const LOCALLY_COPIED_PREFIXES = ['denylist:'] as const;

export interface RedisStoreOptions {
  url: string;
  /** Prefix for every key (`sproul`), keeping the platform's keys apart from anything else in Redis. */
  namespace: string;
  logger: Logger;
  /**
   * Keep a local copy of the denylist kept current over pub/sub (one more connection), so reading it
   * needs no round trip (default true). Writes to it are announced whatever this says.
   */
  localCopy?: boolean;
}

/**
 * Redis behind the store interface. Connects in the background and reconnects with back-off, so a
 * service starts (and reports itself not ready) while Redis is down; commands fail fast meanwhile
 * instead of queueing without bound.
 */
export class RedisStore implements KeyValueStore {
  private readonly client;
  private readonly prefix: string;
  /** Where writes to the locally copied keys are announced: `<namespace>:changes`. */
  private readonly channel: string;
  private readonly copy: LocalCopy | undefined;
  private subscriber: { isOpen: boolean; quit(): Promise<unknown>; destroy(): void } | undefined;

  constructor(options: RedisStoreOptions) {
    this.prefix = `${options.namespace}:`;
    this.channel = `${options.namespace}:changes`;
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000), connectTimeout: 5_000 },
    });
    let reported = false;
    this.client.on('error', (error) => {
      if (!reported) options.logger.warn({ err: error }, 'redis unavailable; reconnecting');
      reported = true;
    });
    this.client.on('ready', () => {
      reported = false;
    });
    this.client.connect().catch(() => {}); // errors are reported above and retried by the client
    if (options.localCopy ?? true) {
      this.copy = new LocalCopy(LOCALLY_COPIED_PREFIXES, { load: () => this.snapshot() }, options.logger);
      this.subscribe();
    }
  }

  /**
   * The subscriber's own connection. node-redis subscribes again on reconnection before it reports
   * 'ready', so every 'ready' after the first subscription means "live again": take a fresh snapshot.
   * Any error or end of that connection puts the copy out of sync at once (changes may be lost).
   */
  private subscribe() {
    const copy = this.copy!;
    // Named, so that an operator (or a test) can tell it apart in CLIENT LIST.
    const subscriber = this.client.duplicate({ name: `${this.channel}-copy` });
    this.subscriber = subscriber;
    let subscribed = false;
    let retry: NodeJS.Timeout | undefined;
    const resync = async () => {
      clearTimeout(retry);
      if (await copy.resync()) return;
      // The snapshot failed (the command connection is down?): try again while still subscribed.
      if (subscriber.isReady) retry = setTimeout(() => void resync(), 500).unref();
    };
    const lost = () => {
      clearTimeout(retry);
      copy.lost();
      // Some errors leave the connection up (a reply it could not parse): no 'ready' follows them, so
      // check again shortly and resynchronise if the subscription is still there.
      retry = setTimeout(() => {
        if (subscribed && subscriber.isReady && !copy.synced) void resync();
      }, 1_000).unref();
    };
    subscriber.on('error', lost).on('end', lost).on('reconnecting', lost);
    const listener = (message: string) => {
      try {
        copy.apply(JSON.parse(message) as KeyChange);
      } catch {
        // Not one of ours: nothing else publishes here.
      }
    };
    subscriber.on('ready', () => {
      const live = subscribed ? Promise.resolve() : subscriber.subscribe(this.channel, listener);
      live.then(() => {
        subscribed = true;
        return resync();
      }, lost);
    });
    // Errors are reported by the store's client; node-redis keeps reconnecting.
    subscriber.connect().catch(() => {});
  }

  private async snapshot() {
    const rows: { key: string; value: string; ttlMs: number }[] = [];
    for (const prefix of LOCALLY_COPIED_PREFIXES) {
      for await (const keys of this.client.scanIterator({
        MATCH: `${this.prefix}${prefix}*`,
        COUNT: 1_000,
      })) {
        if (keys.length === 0) continue;
        const replies = await Promise.all(
          keys.flatMap((key) => [this.client.get(key), this.client.pTTL(key)]),
        );
        keys.forEach((key, i) => {
          const value = replies[2 * i] as string | null;
          if (value !== null)
            rows.push({ key: key.slice(this.prefix.length), value, ttlMs: Number(replies[2 * i + 1]) });
        });
      }
    }
    return rows;
  }

  /** Whether the local copy answers for its keys now (false while it resynchronises). */
  get localCopyInSync() {
    return this.copy?.synced ?? false;
  }

  async get(key: string) {
    const local = this.copy?.lookup([key]);
    if (local) return local[0]!;
    return this.client.get(this.prefix + key);
  }

  async getMany(keys: readonly string[]) {
    if (keys.length === 0) return [];
    return this.copy?.lookup(keys) ?? this.client.mGet(keys.map((key) => this.prefix + key));
  }

  async set(key: string, value: string, ttlMs?: number) {
    const expiry = ttlMs === undefined ? undefined : { PX: Math.max(1, ttlMs) };
    if (!this.announces(key)) {
      await this.client.set(this.prefix + key, value, expiry);
      return;
    }
    // Written and announced in one transaction: a subscriber that misses the announcement (it was
    // disconnected) finds the key in its next snapshot.
    const change: KeyChange = { k: key, v: value, ...(expiry ? { t: expiry.PX } : {}) };
    await this.client
      .multi()
      .set(this.prefix + key, value, expiry)
      .publish(this.channel, JSON.stringify(change))
      .exec();
    this.copy?.apply(change);
  }

  private announces(key: string) {
    return LOCALLY_COPIED_PREFIXES.some((prefix) => key.startsWith(prefix));
  }

  async setIfAbsent(key: string, value: string, ttlMs: number) {
    const reply = await this.client.set(this.prefix + key, value, { PX: Math.max(1, ttlMs), NX: true });
    return reply === 'OK';
  }

  async increment(key: string, ttlMs: number) {
    const full = this.prefix + key;
    // INCR and PEXPIRE NX in one round trip: the expiry is set once, when the counter is created.
    const [count] = await this.client.multi().incr(full).pExpire(full, Math.max(1, ttlMs), 'NX').exec();
    return Number(count);
  }

  async delete(key: string) {
    if (!this.announces(key)) {
      await this.client.del(this.prefix + key);
      return;
    }
    const change: KeyChange = { k: key };
    await this.client
      .multi()
      .del(this.prefix + key)
      .publish(this.channel, JSON.stringify(change))
      .exec();
    this.copy?.apply(change);
  }

  async ping() {
    await this.client.ping();
  }

  async close() {
    this.copy?.close();
    for (const client of [this.subscriber, this.client]) {
      if (!client) continue;
      if (client.isOpen) await client.quit().catch(() => client.destroy());
      else client.destroy();
    }
  }
}
