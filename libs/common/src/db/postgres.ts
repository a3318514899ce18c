import pg from 'pg';
import type { Database } from './database.js';
import { listenOnPostgres } from './notifications.js';
import { pipelinedDatabase } from './pipelined-session.js';

export interface PostgresOptions {
  url: string;
  service: string;
  poolSize?: number;
}

/** A Drizzle database on a PostgreSQL server; the database itself is created when it does not exist yet. */
export async function openPostgres({ url, service, poolSize = 10 }: PostgresOptions): Promise<Database> {
  await ensureDatabaseExists(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: service,
    // The planner's default random_page_cost (4) prices disks that seek; on SSDs and cached data an
    // index read is nearly as cheap as a sequential one. At 4 the catalog's searches scanned every club
    // rather than use the full-text index (10 ms vs 3 ms on 10k clubs). 1.1 is the usual recommendation
    // for SSDs; it applies to these sessions only, over the server's own setting.
    options: '-c random_page_cost=1.1',
    // Queries of one client go out without waiting for the answers before them, so a transaction's
    // BEGIN travels with its first statement and the outbox's rows with COMMIT (pipelined-session.ts).
    // Each query still has its own Sync: an error fails that query alone, as without pipelining.
    pipeline: true,
  });
  // An idle client losing its server (restart, failover) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // pg-pool stops listening for a client's errors while it is lent out (and while it passes from one
  // waiting caller to the next), and pg emits a server's FATAL (a restart, pg_terminate_backend) that
  // arrives while no statement waits for an answer as an 'error' event: unheard, it ends the process.
  // Every client keeps a listener for its whole life; its statements fail on their own, and the pool
  // drops a client that is no longer queryable when it comes back.
  pool.on('connect', (client) => client.on('error', () => {}));
  return {
    db: pipelinedDatabase(pool),
    kind: 'postgres',
    service,
    async ping() {
      await pool.query('select 1');
    },
    listen: (channel, listener) => listenOnPostgres(url, channel, listener),
    async close() {
      await pool.end();
    },
  };
}

export async function ensureDatabaseExists(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) return;
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error; // 3D000: database does not exist
  } finally {
    await probe.end().catch(() => {});
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`create database ${pg.escapeIdentifier(name)}`);
  } catch (error) {
    // Another replica or service won the race: the database exists, which is all we wanted.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}
