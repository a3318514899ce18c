import { EmbeddedPostgres } from '../db/pglite.js';
import { createTestDatabase } from './databases.js';
import { infraAvailable } from './infra.js';

/** Where a service under test keeps its data: embedded PGlite, or a PostgreSQL database of its own. */
export type Storage = { kind: 'embedded'; embedded: EmbeddedPostgres } | { kind: 'postgres'; url: string };

/** A fresh storage of a kind, and how to dispose of it. Several services booted on one are replicas. */
export async function openStorage(
  kind: Storage['kind'],
  prefix = 'test',
): Promise<{ storage: Storage; close(): Promise<void> }> {
  if (kind === 'embedded') {
    const embedded = await EmbeddedPostgres.open();
    return { storage: { kind: 'embedded', embedded }, close: () => embedded.close() };
  }
  const database = await createTestDatabase(prefix);
  return { storage: { kind: 'postgres', url: database.url }, close: database.drop };
}

/** The storages to run a suite against: embedded always, PostgreSQL when a server is reachable. */
export const storageKinds = async (): Promise<Storage['kind'][]> =>
  (await infraAvailable('postgres')) ? ['embedded', 'postgres'] : ['embedded'];
