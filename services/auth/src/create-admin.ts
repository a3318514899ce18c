import { fileURLToPath } from 'node:url';
import { type Database, migrateDatabase } from '@sproul/common/db';
import { Outbox } from '@sproul/common/messaging';
import { repositories } from './data-access/repositories.js';
import { aggregateVersions, outbox } from './data-access/schema.js';
import { ensureAdmin } from './domain/admin-accounts.js';
import type { AuthContext } from './domain/auth-context.js';
import { type DemoAccount, ensureDemoAccount } from './domain/demo-accounts.js';

/** For `npm run admin:create`: migrates auth's schema if needed, then creates or updates the admin. */
export async function createAdminAccount(
  database: Database,
  email: string,
  password: string,
  databaseUrl?: string,
) {
  await migrateDatabase(database, fileURLToPath(new URL('../drizzle', import.meta.url)), databaseUrl);
  return ensureAdmin(transactionsOn(database), email, password);
}

/** For `npm start` (embedded mode, after auth has started): creates or refreshes a demo account. */
export async function createDemoAccount(database: Database, demo: DemoAccount) {
  return ensureDemoAccount(transactionsOn(database), demo);
}

/** Auth's unit of work outside the running service: its repositories and outbox in one transaction. */
function transactionsOn(database: Database): Pick<AuthContext, 'transaction'> {
  const events = new Outbox(database, outbox, aggregateVersions);
  return {
    transaction: (work) =>
      events.transaction((tx) => work({ ...repositories(tx), tx, publish: (...e) => events.append(tx, e) })),
  };
}
