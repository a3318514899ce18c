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
    database = await openPostgres({ url: testDb.url, service: 'txended', poolSize: 1 });
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
          await admin.query('select pg_terminate_backend($1)', [own!.pid]);
          // The FATAL arrives while nothing of this transaction is waiting for an answer.
          await new Promise((resolve) => setTimeout(resolve, 200));
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
});
