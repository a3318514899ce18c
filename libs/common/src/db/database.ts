import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ChannelListener, ChannelSubscription } from './notifications.js';

// The same Drizzle code runs on a PostgreSQL server (node-postgres) and on embedded PGlite:
// services only see this common supertype of the two drivers' databases.
// biome-ignore lint/suspicious/noExplicitAny: drizzle's schema generic; services use tables directly.
export type Db = PgDatabase<PgQueryResultHKT, any>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: repositories accept both. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** The service that owns this database; its tables live in the PostgreSQL schema of that name. */
  service: string;
  ping(): Promise<void>;
  /** LISTEN on a channel: notifications (NOTIFY, pg_notify) sent by committed transactions. */
  listen(channel: string, listener: ChannelListener): Promise<ChannelSubscription>;
  close(): Promise<void>;
}

/** Rows of a raw `execute()`: node-postgres and PGlite both answer `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
