import { infraUrls } from '@sproul/common/testing';
import pg from 'pg';

/** The services `npm run stack` gives a database each (`<POSTGRES_DB_PREFIX>_<service>`). */
export const STACK_SERVICES = ['auth', 'catalog', 'engagement', 'mailer', 'media', 'monitor', 'recommender'];

/** Drops the databases a test's stack made under its own prefix (connections to them are cut). */
export async function dropStackDatabases(prefix: string) {
  const admin = new pg.Client({ connectionString: `${infraUrls.postgres}/postgres` });
  await admin.connect();
  try {
    for (const service of STACK_SERVICES) {
      await admin.query(`drop database if exists ${prefix}_${service} with (force)`);
    }
  } finally {
    await admin.end();
  }
}
