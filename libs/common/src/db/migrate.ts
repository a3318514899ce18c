import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database } from './database.js';

/**
 * Applies a service's committed drizzle-kit migrations. The bookkeeping table lives in the `drizzle`
 * schema under the service's name, so services sharing one embedded database never see each other's.
 */
export async function migrateDatabase(
  database: Database,
  migrationsFolder: string,
  url?: string,
): Promise<void> {
  const config = {
    migrationsFolder,
    migrationsSchema: 'drizzle',
    migrationsTable: `${database.service}_migrations`,
  };
  // Each migrator is imported for the kind in use: an embedded service never loads pg.
  if (database.kind === 'pglite') {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(database.db as PgliteDatabase, config);
    return;
  }
  if (!url) throw new Error('migrateDatabase needs the database URL for a PostgreSQL server');
  // Two replicas starting together must not both run the same migration: hold an advisory lock on one
  // dedicated connection for the whole run.
  const [{ default: pg }, { drizzle }, { migrate: migratePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const db = drizzle({ client });
    await db.execute(sql`select pg_advisory_lock(hashtext(${`migrate:${database.service}`}))`);
    await migratePg(db, config);
  } finally {
    await client.end();
  }
}
