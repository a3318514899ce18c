import {
  commonConfigSchema,
  type Database,
  EmbeddedPostgres,
  type EventEnvelope,
  InProcessBus,
  loadConfig,
  MemoryStore,
  openPostgres,
  type RunningService,
} from '@sproul/common';
import {
  createTestDatabase,
  eventually,
  infraAvailable,
  recordEvents,
  testLogger,
} from '@sproul/common/testing';
import { clubRepository, type NewClub } from '../src/data-access/club-repository.js';
import { start } from '../src/index.js';

export { type FakeAuth, fakeAuth } from './catalog-harness.js';

import type { FakeAuth } from './catalog-harness.js';

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
    const storage = await embeddedStorage();
    return {
      storage,
      close: () => (storage.kind === 'embedded' ? storage.embedded.close() : Promise.resolve()),
    };
  }
  const { storage, drop } = await postgresStorage();
  return { storage, close: drop };
}

/**
 * One catalog service on an ephemeral port, as `npm start` composes it (no demo clubs), with every
 * event it publishes recorded. Several harnesses on one PostgreSQL storage are replicas.
 */
export async function startCatalog(auth: FakeAuth, storage: Storage, env: Record<string, string> = {}) {
  const logger = testLogger();
  let database: Database;
  if (storage.kind === 'embedded') {
    database = storage.embedded.forService('catalog');
  } else {
    database = await openPostgres({ url: storage.url, service: 'catalog', poolSize: 4 });
  }
  const bus = new InProcessBus(logger);
  const events: EventEnvelope[] = await recordEvents(bus);
  const config = loadConfig(commonConfigSchema, {
    PORT: '0',
    LOG_LEVEL: 'silent',
    BUS_RETRY_DELAYS_MS: '50',
    DATABASE_URL: storage.kind === 'postgres' ? storage.url : undefined,
  });
  Object.assign(process.env, {
    AUTH_URL: auth.url,
    SEED_DEMO: '0',
    RECRUITING_CHECK_INTERVAL_MS: '60000',
    ...env,
  });
  const service: RunningService = await start({ config, logger, database, bus, store: new MemoryStore() });
  const db = service.context.database.db;

  return {
    service,
    db,
    events,
    url: (path: string) => `${service.url}${path}`,
    /**
     * Waits until the latest recorded event of a type passes `check` (events leave through the outbox
     * relay just after the commit), and answers its data.
     */
    latest: <T = Record<string, unknown>>(type: string, check: (data: T) => boolean) =>
      eventually(() => {
        const data = events.filter((event) => event.type === type).at(-1)?.data as T | undefined;
        return data !== undefined && check(data) ? data : undefined;
      }),
    /** Events of one type recorded so far. */
    published: <T = Record<string, unknown>>(type: string) =>
      events.filter((event) => event.type === type).map((event) => event.data as T),
    /** A club straight into the catalog's table, as the UserRegistered handler would leave it. */
    async addClub(club: Partial<NewClub> & { name: string; ownerEmail: string }) {
      const slug = club.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const row = await clubRepository(db).insert({
        ownerUserId: crypto.randomUUID(),
        linkName: `${slug}-${crypto.randomUUID().slice(0, 6)}`,
        tags: [0],
        confirmed: true,
        ...club,
      });
      if (!row) throw new Error('club not inserted');
      return row;
    },
    async close() {
      await service.stop();
      await bus.close();
      if (storage.kind === 'postgres') await database.close();
    },
  };
}

export type CatalogHarness = Awaited<ReturnType<typeof startCatalog>>;

export { send as call } from './json-request.js';
