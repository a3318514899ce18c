import type { Database, DbOrTx, Tx } from '../db/database.js';
import type { EventEnvelope } from '../events/envelope.js';
import { eventBreaksContract } from '../events/event-errors.js';
import { parseEvent } from '../events/parse-event.js';
import { stampTraceparent } from '../tracing/event-spans.js';
import { type PendingEvent, versionedInsert } from './aggregate-versions.js';
import type { AggregateVersionsTable, OutboxTable } from './messaging-tables.js';

/**
 * Writes events in the same transaction as the state change they describe. After the transaction
 * commits the relay is woken, so events leave within milliseconds rather than at the next poll.
 * Events whose contract names an aggregate get its next version, in the same statement as the rows.
 */
export class Outbox {
  private readonly listeners = new Set<() => void>();
  /** Events appended in transactions this outbox opened, written when the work is done. */
  private readonly buffered = new WeakMap<DbOrTx, PendingEvent[]>();

  constructor(
    private readonly database: Database,
    private readonly table: OutboxTable,
    /** The service's aggregate counters (`messagingTables`); without them no event carries a version. */
    private readonly versions?: AggregateVersionsTable,
  ) {}

  /**
   * Inside an open transaction: adds the events to it. An event that breaks its contract throws,
   * failing the producer's transaction, rather than be stored and relayed. In a transaction opened by
   * `transaction` below the rows are written at its end, in one statement; in any other they are
   * written now.
   */
  async append(tx: DbOrTx, envelopes: EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    const pending: PendingEvent[] = stampTraceparent(envelopes).map((envelope) => {
      const parsed = parseEvent(envelope);
      if (!parsed.ok) throw eventBreaksContract(parsed.reason);
      const aggregate = this.versions ? parsed.contract.aggregate?.of(parsed.envelope.data) : undefined;
      return { envelope, aggregate };
    });
    const buffer = this.buffered.get(tx);
    if (buffer) buffer.push(...pending);
    else await this.insert(tx, pending);
  }

  /** Runs `work` in one transaction; whatever it appends commits with it or not at all. */
  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let stored: Promise<unknown> | undefined;
    const result = await this.database.db.transaction(async (tx) => {
      const buffer: PendingEvent[] = [];
      this.buffered.set(tx, buffer);
      const value = await work(tx);
      this.buffered.delete(tx);
      if (buffer.length === 0) return value;
      if (this.database.kind === 'postgres') {
        // The pool pipelines: not waiting here sends the rows with COMMIT, one round trip for both.
        // Drizzle hands the statement to the client at once, so it goes out ahead of the COMMIT
        // (pipelined-transactions.test.ts checks the order on the wire).
        stored = this.insert(tx, buffer);
        stored.catch(() => {}); // observed after the commit, below
      } else {
        await this.insert(tx, buffer);
      }
      return value;
    });
    // PostgreSQL answers COMMIT of a transaction whose statement failed with a rollback, not an error:
    // if the rows could not be written, nothing was committed, and the caller must hear so.
    await stored;
    this.committed();
    return result;
  }

  private insert(tx: DbOrTx, pending: PendingEvent[]): Promise<unknown> {
    if (this.versions && pending.some((event) => event.aggregate)) {
      return versionedInsert(tx, this.table, this.versions, pending);
    }
    return tx
      .insert(this.table)
      .values(
        pending.map(({ envelope }) => ({
          eventId: envelope.id,
          type: envelope.type,
          version: envelope.version,
          payload: envelope,
        })),
      )
      .execute();
  }

  /** Tells the relay that new rows may have been committed. */
  committed(): void {
    for (const listener of this.listeners) listener();
  }

  onCommit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
