import type { Delivery, EventBus, Outcome, Subscription } from '../bus/event-bus.js';
import { runWithContext } from '../context/request-context.js';
import type { Database, Tx } from '../db/database.js';
import type { EventContract, EventData } from '../events/define-event.js';
import type { EventEnvelope } from '../events/envelope.js';
import { parseEvent } from '../events/parse-event.js';
import type { Logger } from '../logging/logger.js';
import type { InboxTable } from './messaging-tables.js';
import type { Outbox } from './outbox.js';

export interface EventHandler<C extends EventContract = EventContract> {
  contract: C;
  /** Runs inside the consumer's transaction: write with `tx` only, and append follow-up events to the outbox. */
  handle(event: EventEnvelope<EventData<C>>, tx: Tx): Promise<void>;
}

/** Keeps handler lists type-safe per contract while letting them share one array. */
export const on = <C extends EventContract>(
  contract: C,
  handle: EventHandler<C>['handle'],
): EventHandler<EventContract> => ({ contract, handle }) as unknown as EventHandler<EventContract>;

export interface ConsumerOptions {
  service: string;
  bus: EventBus;
  database: Database;
  inbox: InboxTable;
  handlers: EventHandler[];
  logger: Logger;
  /** Woken after each commit, since handlers may have appended events. */
  outbox?: Outbox;
  maxAttempts: number;
  retryDelaysMs: number[];
  prefetch?: number;
}

interface Accepted {
  index: number;
  envelope: EventEnvelope;
  handler: EventHandler;
}

/**
 * Subscribes a service's handlers with exactly-once effects on top of at-least-once delivery: each
 * event's id goes into the inbox in the same transaction as the handler's effect, and an id already
 * there means the effect already happened. A batch shares one transaction; if any handler in it fails,
 * the batch is rolled back and replayed one event per transaction, so only the failing event is retried.
 */
export async function subscribeHandlers(options: ConsumerOptions): Promise<Subscription> {
  const handlers = new Map(options.handlers.map((h) => [h.contract.routingKey, h]));
  return options.bus.subscribe({
    queue: options.service,
    routingKeys: [...handlers.keys()],
    maxAttempts: options.maxAttempts,
    retryDelaysMs: options.retryDelaysMs,
    prefetch: options.prefetch,
    handleBatch: (deliveries) => handleBatch(options, handlers, deliveries),
  });
}

async function handleBatch(
  options: ConsumerOptions,
  handlers: Map<string, EventHandler>,
  deliveries: Delivery[],
): Promise<Outcome[]> {
  const outcomes: Outcome[] = deliveries.map(() => ({ kind: 'ack' }));
  const accepted: Accepted[] = [];
  deliveries.forEach((delivery, index) => {
    const checked = accept(delivery, handlers);
    if (typeof checked === 'string') {
      options.logger.error({ routingKey: delivery.routingKey, error: checked }, 'event breaks its contract');
      outcomes[index] = { kind: 'dead', error: checked };
    } else accepted.push({ index, ...checked });
  });
  if (accepted.length === 0) return outcomes;

  try {
    await applyInTransaction(options, accepted);
  } catch (batchError) {
    if (accepted.length === 1) {
      outcomes[accepted[0]!.index] = failure(options, accepted[0]!, batchError);
    } else {
      for (const one of accepted) {
        try {
          await applyInTransaction(options, [one]);
        } catch (error) {
          outcomes[one.index] = failure(options, one, error);
        }
      }
    }
  }
  options.outbox?.committed();
  return outcomes;
}

function failure(options: ConsumerOptions, one: Accepted, error: unknown): Outcome {
  const message = (error as Error)?.message ?? String(error);
  options.logger.warn(
    { err: error, eventId: one.envelope.id, type: one.envelope.type },
    'event handler failed',
  );
  return { kind: 'retry', error: message };
}

async function applyInTransaction(options: ConsumerOptions, batch: Accepted[]) {
  const { database, inbox, service } = options;
  await database.db.transaction(async (tx) => {
    const fresh = await tx
      .insert(inbox)
      .values(batch.map(({ envelope }) => ({ consumer: service, eventId: envelope.id, type: envelope.type })))
      .onConflictDoNothing()
      .returning({ eventId: inbox.eventId });
    const toHandle = new Set(fresh.map((row) => row.eventId));
    for (const { envelope, handler } of batch) {
      if (!toHandle.delete(envelope.id)) continue; // handled before, or a duplicate within this batch
      const context = { requestId: envelope.id, correlationId: envelope.correlationId };
      await runWithContext(context, () => handler.handle(envelope, tx));
    }
  });
}

/** Validates the delivery against its contract and finds its handler; a string is why it was refused. */
function accept(delivery: Delivery, handlers: Map<string, EventHandler>): Omit<Accepted, 'index'> | string {
  const parsed = parseEvent(delivery.body);
  if (!parsed.ok) return parsed.reason;
  const handler = handlers.get(parsed.contract.routingKey);
  if (!handler) return `no handler for ${parsed.envelope.type} v${parsed.envelope.version}`;
  return { envelope: parsed.envelope, handler };
}
