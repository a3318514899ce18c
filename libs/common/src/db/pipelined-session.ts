import { NodePgDatabase, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgDialect, type PgTransactionConfig } from 'drizzle-orm/pg-core';
import type pg from 'pg';

type Schema = Record<string, never>;

/**
 * Drizzle's node-postgres session with one change: a transaction does not wait for its BEGIN. On a pool
 * in pipeline mode (pg's `pipeline: true`), BEGIN then goes out with the transaction's first statement,
 * and every transaction saves a round trip. A transaction is several round trips of a few hundred
 * microseconds each on this kind of machine, so that is a measurable share of every write (and the
 * outbox sends its rows with COMMIT the same way; see `Outbox.transaction`).
 *
 * BEGIN without options cannot fail short of a broken connection, which fails the statements behind it
 * too; its outcome is still awaited before COMMIT. Transactions with options (isolation level, read only)
 * keep drizzle's own path.
 */
class PipelinedSession extends NodePgSession<Schema, never> {
  constructor(
    private readonly pool: pg.Pool,
    private readonly pgDialect: PgDialect,
  ) {
    super(pool, pgDialect, undefined);
  }

  override async transaction<T>(
    work: (tx: NodePgTransaction<Schema, never>) => Promise<T>,
    config?: PgTransactionConfig,
  ): Promise<T> {
    if (config) return super.transaction(work, config);
    const client = await this.pool.connect();
    let broken: unknown;
    // While a client is lent out the pool no longer listens for its errors, and pg emits a server's
    // FATAL (a restart, pg_terminate_backend) that arrives between two statements as an 'error' event:
    // unheard, it would end the process. The transaction's statements fail on their own; the client is
    // handed back broken, so the pool drops it.
    const ended = (error: Error) => {
      broken = error;
    };
    client.on('error', ended);
    const tx = new NodePgTransaction<Schema, never>(
      this.pgDialect,
      new NodePgSession(client, this.pgDialect, undefined),
      undefined,
    );
    const begun = client.query('begin');
    // Observed below; without a handler now, a failure while `work` runs would be an unhandled rejection.
    begun.catch(() => {});
    try {
      const result = await work(tx);
      await begun;
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch((rollbackError: unknown) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      // A connection that could not even roll back is handed back broken, so the pool drops it.
      client.off('error', ended);
      client.release(broken instanceof Error ? broken : undefined);
    }
  }
}

/** A Drizzle database on a pool, whose transactions send BEGIN with their first statement. */
export function pipelinedDatabase(pool: pg.Pool) {
  const dialect = new PgDialect();
  const db = new NodePgDatabase<Schema>(dialect, new PipelinedSession(pool, dialect), undefined);
  return Object.assign(db, { $client: pool });
}
