import { InProcessBus } from '@sproul/common/bus';
import { MemoryStore } from '@sproul/common/cache';
import { commonConfigSchema, loadConfig } from '@sproul/common/config';
import { type Database, openPostgres } from '@sproul/common/db';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';
import type { EventEnvelope } from '@sproul/common/events';
import type { RunningService } from '@sproul/common/service';
import { createTestDatabase, infraAvailable, recordEvents, testLogger } from '@sproul/common/testing';
import { start } from '../src/index.js';

/** Where a harness keeps its data: embedded PGlite, or a PostgreSQL database (shared by replicas). */
export type Storage = { kind: 'embedded'; embedded: EmbeddedPostgres } | { kind: 'postgres'; url: string };

export async function embeddedStorage(): Promise<Storage> {
  return { kind: 'embedded', embedded: await EmbeddedPostgres.open() };
}

export async function postgresStorage() {
  const database = await createTestDatabase('catalog');
  return { storage: { kind: 'postgres', url: database.url } as Storage, drop: database.drop };
}

/** The storages to run a suite against: embedded always, PostgreSQL when a server is reachable. */
export const storageKinds = async (): Promise<Storage['kind'][]> =>
  (await infraAvailable('postgres')) ? ['embedded', 'postgres'] : ['embedded'];

/** A fresh storage of a kind, and how to dispose of it. */
export async function openStorage(
  kind: Storage['kind'],
): Promise<{ storage: Storage; close(): Promise<void> }> {
  if (kind === 'embedded') {
    const embedded = await EmbeddedPostgres.open();
    return { storage: { kind: 'embedded', embedded }, close: () => embedded.close() };
  }
  const { storage, drop } = await postgresStorage();
  return { storage, close: drop };
}

/**
 * The catalog on an ephemeral port as `npm start` composes it (no demo clubs), on an in-process bus
 * with every event it publishes recorded. `env` points it at its neighbours (auth, the recommender).
 * Both test harnesses start the service through here; several on one PostgreSQL storage are replicas.
 */
export async function bootCatalog(storage: Storage, env: Record<string, string>) {
  const logger = testLogger();
  const database: Database =
    storage.kind === 'embedded'
      ? storage.embedded.forService('catalog')
      : await openPostgres({ url: storage.url, service: 'catalog', poolSize: 4 });
  const bus = new InProcessBus(logger);
  const events: EventEnvelope[] = await recordEvents(bus);
  const config = loadConfig(commonConfigSchema, {
    PORT: '0',
    LOG_LEVEL: 'silent',
    BUS_RETRY_DELAYS_MS: '50',
    DATABASE_URL: storage.kind === 'postgres' ? storage.url : undefined,
  });
  Object.assign(process.env, { SEED_DEMO: '0', ...env });
  const service: RunningService = await start({ config, logger, database, bus, store: new MemoryStore() });
  return {
    service,
    db: service.context.database.db,
    bus,
    events,
    url: (path: string) => `${service.url}${path}`,
    /** Data of the recorded events of one type. */
    published: <T = Record<string, unknown>>(type: string) =>
      events.filter((event) => event.type === type).map((event) => event.data as T),
    async close() {
      await service.stop();
      await bus.close();
      if (storage.kind === 'postgres') await database.close();
    },
  };
}
