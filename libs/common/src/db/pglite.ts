import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database } from './database.js';

/**
 * One embedded PostgreSQL (PGlite) for the whole `npm start` process: creating an instance takes
 * seconds and hundreds of MB, so the seven services share one and keep to their own schemas.
 */
export class EmbeddedPostgres {
  private constructor(readonly client: PGlite) {}

  /** `dataDir` undefined keeps everything in memory (tests). */
  static async open(dataDir?: string): Promise<EmbeddedPostgres> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const client = await PGlite.create(dataDir ? { dataDir } : {});
    return new EmbeddedPostgres(client);
  }

  forService(service: string): Database {
    const client = this.client;
    return {
      db: drizzle({ client }),
      kind: 'pglite',
      service,
      async ping() {
        await client.query('select 1');
      },
      // The instance is shared: the owner of EmbeddedPostgres closes it, not each service.
      async close() {},
    };
  }

  async close(): Promise<void> {
    if (!this.client.closed) await this.client.close();
  }
}
