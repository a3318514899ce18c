import { fileURLToPath } from 'node:url';
import { type Database, migrateDatabase, Outbox } from '@sproul/common';
import { repositories } from './data-access/repositories.js';
import { aggregateVersions, outbox } from './data-access/schema.js';
import { ensureAdmin } from './domain/admin-accounts.js';

/** For `npm run admin:create`: migrates auth's schema if needed, then creates or updates the admin. */
export async function createAdminAccount(
  database: Database,
  email: string,
  password: string,
  databaseUrl?: string,
) {
  await migrateDatabase(database, fileURLToPath(new URL('../drizzle', import.meta.url)), databaseUrl);
  const events = new Outbox(database, outbox, aggregateVersions);
  return ensureAdmin(
    {
      transaction: (work) =>
        events.transaction((tx) =>
          work({ ...repositories(tx), tx, publish: (...e) => events.append(tx, e) }),
        ),
    },
    email,
    password,
  );
}
