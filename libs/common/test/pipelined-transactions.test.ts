import type { Socket } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { openPostgres } from '../src/db/postgres.js';
import { UserRegisteredV1 } from '../src/events/contracts/user-registered.js';
import { makeEvent } from '../src/events/make-event.js';
import { Outbox } from '../src/messaging/outbox.js';
import { createTestDatabase } from '../src/testing/databases.js';
import { infraAvailable } from '../src/testing/infra.js';
import { migrationsFolder } from './fixtures/harness.js';
import { aggregateVersions, orders, outbox as outboxTable } from './fixtures/schema.js';

const event = (label: string) =>
  makeEvent(
    UserRegisteredV1,
    { userId: label, email: `${label}@berkeley.edu`, role: 'student', name: null, club: null },
    'pipeline-test',
  );

describe('transactions on PostgreSQL (pipelined pool)', async () => {
  const available = await infraAvailable('postgres');
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;
  let recorded: ReturnType<typeof recordQueries>;

  beforeAll(async () => {
    if (!available) return;
    testDb = await createTestDatabase('pipeline');
    // One connection: every transaction below runs on the same client, one after the other.
    database = await openPostgres({ url: testDb.url, service: 'bustest', poolSize: 1 });
    await migrateDatabase(database, migrationsFolder, testDb.url);
    recorded = recordQueries((database.db as unknown as { $client: pg.Pool }).$client);
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  const labels = async () => (await database.db.select().from(orders)).map((o) => o.label);

  it.skipIf(!available)(
    'sends BEGIN with the first statement and the events with COMMIT: two round trips fewer',
    async () => {
      const { sent, wire } = recorded;
      sent.length = 0;
      wire.length = 0;
      // With the aggregate counters: the events' versions are bumped in the same statement as the rows.
      const outbox = new Outbox(database, outboxTable, aggregateVersions);
      await outbox.transaction(async (tx) => {
        await tx.insert(orders).values({ label: 'pipelined' });
        await outbox.append(tx, [event('one')]);
        await outbox.append(tx, [event('two')]);
      });
      expect(sent.map((q) => q.text)).toEqual(['begin', 'insert orders', 'insert outbox', 'commit']);
      // What had gone out unanswered when each query was sent.
      expect(sent.map((q) => q.unanswered)).toEqual([[], ['begin'], [], ['insert outbox']]);
      // On the socket: writes, then answers, twice. Two round trips; without pipelining (or waiting for
      // BEGIN, or writing the events before COMMIT) it takes four.
      expect(roundTrips(wire)).toBe(2);
      expect(await labels()).toContain('pipelined');
      expect(await database.db.select().from(outboxTable)).toHaveLength(2);
    },
  );

  it.skipIf(!available)('a statement that fails rolls the whole transaction back', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(orders).values({ label: 'before-the-failure' });
        await tx.execute(sql`select 1 / 0`);
      }),
    ).rejects.toThrow();
    expect(await labels()).not.toContain('before-the-failure');
    // The connection is clean again: the next transaction on it commits.
    await database.db.transaction(async (tx) => {
      await tx.insert(orders).values({ label: 'after-the-failure' });
    });
    expect(await labels()).toContain('after-the-failure');
  });

  it.skipIf(!available)('work that throws after its statements commits none of them', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(orders).values({ label: 'thrown-away' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await labels()).not.toContain('thrown-away');
  });

  it.skipIf(!available)(
    'statements sent without waiting still apply in the order they were sent',
    async () => {
      await database.db.transaction(async (tx) => {
        await Promise.all([
          tx.insert(orders).values({ label: 'ordered' }),
          tx.update(orders).set({ label: 'ordered-then-renamed' }).where(eq(orders.label, 'ordered')),
        ]);
      });
      expect(await labels()).toContain('ordered-then-renamed');
      expect(await labels()).not.toContain('ordered');
    },
  );

  it.skipIf(!available)('transactions with options (isolation level) still work', async () => {
    await database.db.transaction(
      async (tx) => {
        await tx.insert(orders).values({ label: 'serializable' });
      },
      { isolationLevel: 'serializable' },
    );
    expect(await labels()).toContain('serializable');
  });
});

/** Turns from writing to reading on a socket: one per round trip (a query's messages may be several writes, an answer several reads). */
const roundTrips = (wire: ('out' | 'in')[]) =>
  wire.filter((event, i) => event === 'in' && wire[i - 1] === 'out').length;

/**
 * Records the queries sent on the pool's clients (named shortly), each with those unanswered when it
 * went out, and the order of the clients' socket writes and reads.
 */
function recordQueries(pool: pg.Pool) {
  const sent: { text: string; unanswered: string[] }[] = [];
  /** Writes to and reads from the clients' sockets, in the order they happened. */
  const wire: ('out' | 'in')[] = [];
  const unanswered = new Set<string>();
  const wrapped = new WeakSet<pg.PoolClient>();
  const wrap = (client: pg.PoolClient) => {
    if (wrapped.has(client)) return client;
    wrapped.add(client);
    const socket = (client as unknown as { connection: { stream: Socket } }).connection.stream;
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    socket.write = ((...args: unknown[]) => {
      wire.push('out');
      return write(...args);
    }) as typeof socket.write;
    // Before the client's own listener, which may write the next query while handling this answer.
    socket.prependListener('data', () => wire.push('in'));
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
    client.query = ((config: string | { text: string }, ...rest: unknown[]) => {
      const sql = (typeof config === 'string' ? config : config.text).toLowerCase();
      // An insert is named by its table (the last one written, after any `with … insert` before it).
      const into = [...sql.matchAll(/insert into "?\w+"?\."?(\w+)/g)].at(-1)?.[1];
      const text = into && /^(insert|with)\b/.test(sql) ? `insert ${into}` : sql;
      sent.push({ text, unanswered: [...unanswered] });
      unanswered.add(text);
      const settle = () => unanswered.delete(text);
      const callback = rest.at(-1);
      if (typeof callback === 'function') {
        // pool.query's form: answered through a callback.
        return query(config, ...rest.slice(0, -1), (...answer: unknown[]) => {
          settle();
          callback(...answer);
        });
      }
      const answer = query(config, ...rest);
      answer.then(settle, settle);
      return answer;
    }) as typeof client.query;
    return client;
  };
  // Transactions take a client with `connect()`; single queries go through `pool.query`, which calls
  // `connect(callback)`: both forms hand out recorded clients.
  const connect = pool.connect.bind(pool) as (
    callback?: (error: Error | undefined, client: pg.PoolClient | undefined, done: () => void) => void,
  ) => Promise<pg.PoolClient> | undefined;
  pool.connect = ((callback?: Parameters<typeof connect>[0]) =>
    callback
      ? connect((error, client, done) => callback(error, client && wrap(client), done))
      : connect()!.then(wrap)) as typeof pool.connect;
  return { sent, wire };
}
