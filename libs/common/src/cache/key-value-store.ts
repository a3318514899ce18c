/**
 * A small shared key-value store with expiry: Redis in real mode, memory when embedded. For data that
 * may be lost without harm and must be shared between replicas and services: the token denylist (written
 * by auth, read by the gateway and every service), rate-limit counters, once-per-tick locks. One store is
 * shared by all services, so keys start with their purpose: `denylist:<jti>`, `catalog:scheduler:<tick>`.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  /** Several keys in one round trip, in order. */
  getMany(keys: readonly string[]): Promise<(string | null)[]>;
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Sets only when the key is absent; true when this call set it (a lock or a "first one wins"). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Adds one and returns the new count; the expiry is set when the key is created. */
  increment(key: string, ttlMs: number): Promise<number>;
  delete(key: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
