import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rowsOf } from '../src/db/database.js';
import { openPostgres } from '../src/db/postgres.js';
import { createTestDatabase } from '../src/testing/databases.js';
import { infraAvailable, infraUrls } from '../src/testing/infra.js';

// Found by `npm run chaos`: pg_terminate_backend on a connection checked out for a transaction, between
// two of its statements, crashed the whole service ("uncaught exception: exiting"): the pool stops
// listening for a client's errors while it is lent out, and pg emits the server's FATAL as an 'error'
// event when no statement is waiting for an answer.
describe('a transaction whose connection the server ends between statements', async () => {
  const available = await infraAvailable('postgres');
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  let database: Database;

  beforeAll(async () => {
    if (!available) return;
    testDb = await createTestDatabase('txended');
    database = await openPostgres({ url: testDb.url, service: 'txended', poolSize: 5 });
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it.skipIf(!available)(
    'fails that transaction only; the process lives and the next one succeeds',
    async () => {
      const uncaught: unknown[] = [];
      const record = (error: unknown) => uncaught.push(error);
      process.on('uncaughtException', record);
      const admin = new pg.Client({ connectionString: `${infraUrls.postgres}/postgres` });
      await admin.connect();
      try {
        const attempt = database.db.transaction(async (tx) => {
          const [own] = rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`));
          // drizzle's transaction holds the pool's client in its (internal) session.
          const client = (tx as unknown as { session: { client: pg.PoolClient } }).session.client;
          const ended = new Promise((resolve) => client.once('end', resolve));
          await admin.query('select pg_terminate_backend($1)', [own!.pid]);
          // The FATAL arrives while nothing of this transaction is waiting for an answer: wait until
          // the client has heard it and its connection ended.
          await ended;
          await tx.execute(sql`select 1`);
        });
        await expect(attempt).rejects.toThrow();
        expect(uncaught).toEqual([]);
        // The pool replaced the ended connection.
        const again = await database.db.transaction((tx) => tx.execute(sql`select 1 as one`));
        expect(rowsOf(again)).toEqual([{ one: 1 }]);
      } finally {
        process.off('uncaughtException', record);
        await admin.end();
      }
    },
  );

  it.skipIf(!available)(
    'queries and transactions while every connection is ended again and again: each fails alone, the process lives',
    { timeout: 30_000 },
    async () => {
      const uncaught: unknown[] = [];
      const record = (error: unknown) => uncaught.push(error);
      process.on('uncaughtException', record);
      const admin = new pg.Client({ connectionString: `${infraUrls.postgres}/postgres` });
      await admin.connect();
      const name = new URL(testDb.url).pathname.slice(1);
      let stop = false;
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      try {
        // More callers than connections: a client handed from one caller to the next waiting one is
        // in nobody's hands for a moment, and that is when the server's FATAL went unheard.
        const callers = Array.from({ length: 10 }, async (_, n) => {
          while (!stop) {
            await (n % 2
              ? database.db.execute(sql`select pg_sleep(0.005)`)
              : database.db.transaction(async (tx) => {
                  await tx.execute(sql`select 1`);
                  await pause(Math.random() * 10);
                  await tx.execute(sql`select 2`);
                })
            ).catch(() => {});
            await pause(Math.random() * 5);
          }
        });
        for (const until = Date.now() + 6_000; Date.now() < until; ) {
          await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
            name,
          ]);
          await pause(50 + Math.random() * 100);
        }
        stop = true;
        await Promise.all(callers);
        expect(uncaught).toEqual([]);
        expect(rowsOf(await database.db.execute(sql`select 1 as one`))).toEqual([{ one: 1 }]);
      } finally {
        stop = true;
        process.off('uncaughtException', record);
        await admin.end();
      }
    },
  );
});
