import type { Database, DbOrTx, Tx } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import type { EventEnvelope } from '../events/envelope.js';
import { parseEvent } from '../events/parse-event.js';
import type { OutboxTable } from './messaging-tables.js';

/**
 * Writes events in the same transaction as the state change they describe. After the transaction
 * commits the relay is woken, so events leave within milliseconds rather than at the next poll.
 */
export class Outbox {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly database: Database,
    private readonly table: OutboxTable,
  ) {}

  /**
   * Inside an open transaction: adds the events to it. An event that breaks its contract throws,
   * failing the producer's transaction, rather than be stored and relayed.
   */
  async append(tx: DbOrTx, envelopes: EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    for (const envelope of envelopes) {
      const parsed = parseEvent(envelope);
      if (!parsed.ok) throw new AppError('EVENTS.INVALID_EVENT', 500, parsed.reason, null, true);
    }
    await tx.insert(this.table).values(
      envelopes.map((envelope) => ({
        eventId: envelope.id,
        type: envelope.type,
        version: envelope.version,
        payload: envelope,
      })),
    );
  }

  /** Runs `work` in one transaction; whatever it appends commits with it or not at all. */
  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const result = await this.database.db.transaction(work);
    this.committed();
    return result;
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
