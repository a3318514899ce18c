import { createClient } from 'redis';
import type { Logger } from '../logging/logger.js';
import type { KeyValueStore } from './key-value-store.js';

export interface RedisStoreOptions {
  url: string;
  /** Prefix for every key (`sproul`), keeping the platform's keys apart from anything else in Redis. */
  namespace: string;
  logger: Logger;
}

/**
 * Redis behind the store interface. Connects in the background and reconnects with back-off, so a
 * service starts (and reports itself not ready) while Redis is down; commands fail fast meanwhile
 * instead of queueing without bound.
 */
export class RedisStore implements KeyValueStore {
  private readonly client;
  private readonly prefix: string;

  constructor(options: RedisStoreOptions) {
    this.prefix = `${options.namespace}:`;
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
  }

  async get(key: string) {
    return this.client.get(this.prefix + key);
  }

  async getMany(keys: readonly string[]) {
    if (keys.length === 0) return [];
    return this.client.mGet(keys.map((key) => this.prefix + key));
  }

  async set(key: string, value: string, ttlMs?: number) {
    await this.client.set(
      this.prefix + key,
      value,
      ttlMs === undefined ? undefined : { PX: Math.max(1, ttlMs) },
    );
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
    await this.client.del(this.prefix + key);
  }

  async ping() {
    await this.client.ping();
  }

  async close() {
    if (this.client.isOpen) await this.client.quit();
    else this.client.destroy();
  }
}
