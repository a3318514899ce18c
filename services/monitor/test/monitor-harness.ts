import { randomUUID } from 'node:crypto';
import { type EventContract, type EventData, type EventEnvelope, makeEvent } from '@sproul/common/events';
import {
  bootService,
  fetchJson,
  openStorage,
  type Storage,
  type TokenIssuer,
  tokenIssuer,
} from '@sproul/common/testing';
import { monitorService } from '../src/index.js';

/**
 * The monitor on an ephemeral port with a fixed clock, fed events as its producers would send them.
 * No replay on start (the test states the history) and no cache (each request computes anew).
 */
export async function startMonitor(
  auth: TokenIssuer,
  storage: Storage,
  now: Date,
  config: Record<string, string> = {},
) {
  const monitor = await bootService(monitorService, {
    storage,
    clock: () => now,
    config: { AUTH_URL: auth.url, REPLAY_ON_FIRST_START: '0', STATS_CACHE_MS: '0', ...config },
  });
  const admin = await auth.token('admin');
  return {
    ...monitor,
    /** Delivers events and waits until the monitor has handled every one. */
    async feed(events: EventEnvelope[]) {
      await monitor.bus.publish(events);
      await (monitor.bus as { idle(): Promise<void> }).idle();
    },
    /** A route as the dashboard calls it, with an admin's token. */
    get: (path: string, token: string | null = admin) => fetchJson(monitor.url(path), token ? { token } : {}),
  };
}

export type MonitorHarness = Awaited<ReturnType<typeof startMonitor>>;

/**
 * startMonitor on storage and a token issuer of its own (`auth`), all three closed by `close()`:
 * what a test needs when it does not share the storage with another monitor.
 */
export async function monitorOn(
  kind: Storage['kind'],
  now: Date,
  config: Record<string, string> = {},
): Promise<MonitorHarness & { auth: TokenIssuer }> {
  const auth = await tokenIssuer();
  const storage = await openStorage(kind, 'monitor');
  const monitor = await startMonitor(auth, storage.storage, now, config);
  return {
    ...monitor,
    auth,
    async close() {
      await monitor.close();
      await storage.close();
      await auth.close();
    },
  };
}

/**
 * Events as their producers' outboxes number them: each aggregate's events get versions 1, 2, 3… in
 * the order they are made here (the order of the changes), whatever order they are delivered in.
 */
export function eventHistory() {
  const versions = new Map<string, number>();
  return <C extends EventContract>(contract: C, data: EventData<C>, occurredAt: Date): EventEnvelope => {
    const event = makeEvent(contract, data, 'test', randomUUID());
    const about = contract.aggregate?.of(data);
    if (!about) return { ...event, occurredAt: occurredAt.toISOString() };
    const key = `${about.type}/${about.id}`;
    const version = (versions.get(key) ?? 0) + 1;
    versions.set(key, version);
    return { ...event, occurredAt: occurredAt.toISOString(), aggregate: { ...about, version } };
  };
}
