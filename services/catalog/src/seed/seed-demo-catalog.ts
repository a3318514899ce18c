import { fileURLToPath } from 'node:url';
import { type Database, migrateDatabase } from '@sproul/common/db';
import { Outbox } from '@sproul/common/messaging';
import { aggregateVersions, outbox as outboxTable } from '../data-access/schema.js';
import { seedAndAnnounceMetadata } from '../domain/tags/seed-and-announce-metadata.js';
import { loadDemoClubs } from './load-demo-clubs.js';

export const CATALOG_MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * `npm run seed`: brings the catalog's schema up to date and seeds its metadata, and with `demo` loads
 * the demo clubs too. Their events wait in the outbox until the catalog service runs and relays them.
 * Answers how many clubs were added.
 */
export async function seedCatalog(
  database: Database,
  options: { zone: string; demo: boolean; databaseUrl?: string },
): Promise<number> {
  await migrateDatabase(database, CATALOG_MIGRATIONS, options.databaseUrl);
  const outbox = new Outbox(database, outboxTable, aggregateVersions);
  await seedAndAnnounceMetadata(outbox);
  return options.demo ? loadDemoClubs(outbox, options.zone) : 0;
}
