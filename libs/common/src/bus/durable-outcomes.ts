import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from '../logging/logger.js';
import type { Row } from './durable-bus-tables.js';
import { type Delivery, type Outcome, retryDelay, type SubscriptionSpec } from './event-bus.js';

/** Hands rows to the consumer as one batch; a batch that throws is retried as a whole. */
export async function deliver(spec: SubscriptionSpec, rows: Row[]): Promise<Outcome[]> {
  const deliveries: Delivery[] = rows.map((row) => ({
    body: row.body,
    routingKey: row.routing_key,
    attempt: row.attempt,
  }));
  try {
    return await spec.handleBatch(deliveries);
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    return rows.map(() => ({ kind: 'retry', error: message }));
  }
}

/** What settling a row asks of its queue: remember an ack, or wake up when a retry is due. */
export interface Settling {
  ack(id: number): void;
  retryAt(at: number): void;
}

/** Acks wait for the next read; retries are postponed with growing delay; the rest are dead-lettered. */
export async function settle(
  client: PGlite,
  spec: SubscriptionSpec,
  rows: Row[],
  outcomes: Outcome[],
  queue: Settling,
  logger?: Logger,
) {
  for (const [i, row] of rows.entries()) {
    const outcome = outcomes[i] ?? { kind: 'ack' };
    if (outcome.kind === 'ack') {
      queue.ack(Number(row.id));
    } else if (outcome.kind === 'retry' && row.attempt < spec.maxAttempts) {
      const at = Date.now() + retryDelay(spec.retryDelaysMs, row.attempt);
      await client.query(
        'update bus.messages set attempt = attempt + 1, available_at = $2, error = $3 where id = $1',
        [row.id, at, outcome.error],
      );
      queue.retryAt(at);
    } else {
      logger?.error(
        {
          queue: spec.queue,
          routingKey: row.routing_key,
          attempts: row.attempt,
          error: outcome.error,
        },
        'message dead-lettered',
      );
      await client.query('update bus.messages set dead_at = now(), error = $2 where id = $1', [
        row.id,
        outcome.error,
      ]);
    }
  }
}
