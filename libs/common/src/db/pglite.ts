import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { builtClusterTemplate } from './cluster-template.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import type { Database } from './database.js';
import { YieldingPGlite } from './yielding-pglite.js';

/**
 * One embedded PostgreSQL (PGlite) for the whole `npm start` process: creating an instance takes
 * seconds and hundreds of MB, so the seven services share one and keep to their own schemas.
 */
export class EmbeddedPostgres {
  private constructor(
    readonly client: PGlite,
    private readonly lock?: DataDirLock,
  ) {}

  /**
   * `dataDir` undefined keeps everything in memory (tests). A data directory belongs to one process
   * at a time: opening one that a living process holds throws DataDirLockedError (see data-dir-lock.ts).
   *
   * A new cluster (a new data directory, or a memory instance) starts from the build's tarball of one
   * (cluster-template.ts) when there is one, instead of running initdb: under 1 s instead of 3-5 s.
   *
   * `turnTheLoop`: a process that serves HTTP from this thread (`npm start`, a service on its own
   * PGlite) passes it, so that a backlog of queries cannot hold its requests (yielding-pglite.ts).
   * Without it, a query chain runs to its end before any I/O, as the services' tests expect: they read
   * the events a request published as soon as its answer arrives.
   */
  static async open(dataDir?: string, options: { turnTheLoop?: boolean } = {}): Promise<EmbeddedPostgres> {
    const fromTemplate = () => {
      const template = builtClusterTemplate();
      return template ? { loadDataDir: new Blob([readFileSync(template)]) } : {};
    };
    const create = (pgliteOptions: PGliteOptions) =>
      options.turnTheLoop ? YieldingPGlite.open(pgliteOptions) : PGlite.create(pgliteOptions);
    if (!dataDir) return new EmbeddedPostgres(await create(fromTemplate()));
    mkdirSync(dataDir, { recursive: true });
    const lock = acquireDataDirLock(dataDir);
    try {
      const isNew = !existsSync(path.join(dataDir, 'PG_VERSION'));
      return new EmbeddedPostgres(await create({ dataDir, ...(isNew ? fromTemplate() : {}) }), lock);
    } catch (error) {
      lock.release();
      throw error;
    }
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
      // One process: the instance cannot drop a connection, so the listener is never lost.
      async listen(channel, listener) {
        const unlisten = await client.listen(channel, (payload) => listener.notified(payload));
        listener.restored();
        return { close: () => (client.closed ? Promise.resolve() : unlisten()) };
      },
      // The instance is shared: the owner of EmbeddedPostgres closes it, not each service.
      async close() {},
    };
  }

  async close(): Promise<void> {
    if (!this.client.closed) await this.client.close();
    this.lock?.release();
  }
}
