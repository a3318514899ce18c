import type { Delivery, EventBus, Outcome, Subscription } from '../bus/event-bus.js';
import { runWithContext } from '../context/request-context.js';
import type { Database, Tx } from '../db/database.js';
import type { EventContract, EventData } from '../events/define-event.js';
import type { EventEnvelope } from '../events/envelope.js';
import { parseEvent } from '../events/parse-event.js';
import type { Logger } from '../logging/logger.js';
import { keepNewest } from './aggregate-order.js';
import type { AppliedVersionsTable, InboxTable } from './messaging-tables.js';
import type { Outbox } from './outbox.js';

export interface EventHandler<C extends EventContract = EventContract> {
  contract: C;
  /**
   * Applies events of this contract, in delivery order, inside the consumer's transaction: write with
   * `tx` only, and append follow-up events to the outbox. Every event given is new to this service,
   * and none is older than what this service already applied of its aggregate (see `AggregateEffect`).
   */
  handleMany(events: EventEnvelope<EventData<C>>[], tx: Tx): Promise<void>;
}

/**
 * A handler that applies one event at a time. Keeps handler lists type-safe per contract while letting
 * them share one array.
 */
export const on = <C extends EventContract>(
  contract: C,
  handle: (event: EventEnvelope<EventData<C>>, tx: Tx) => Promise<void>,
): EventHandler<EventContract> =>
  ({
    contract,
    async handleMany(events: EventEnvelope<EventData<C>>[], tx: Tx) {
      for (const event of events) {
        const context = { requestId: event.id, correlationId: event.correlationId };
        await runWithContext(context, () => handle(event, tx));
      }
    },
  }) as unknown as EventHandler<EventContract>;

/**
 * A handler that applies a run of events in one go (one statement for many events, say): a consumer
 * under load then pays a database round trip per batch instead of one per event. It gets the events
 * of one contract that arrived next to each other; events of other contracts in between split the run,
 * so effects still apply in delivery order.
 */
export const onBatch = <C extends EventContract>(
  contract: C,
  handleMany: EventHandler<C>['handleMany'],
): EventHandler<EventContract> => ({ contract, handleMany }) as unknown as EventHandler<EventContract>;

export interface ConsumerOptions {
  service: string;
  bus: EventBus;
  database: Database;
  inbox: InboxTable;
  /**
   * The last version applied per aggregate (`messagingTables`). Without it events apply in arrival
   * order, as before versions existed; every service passes it (runService).
   */
  appliedVersions?: AppliedVersionsTable;
  handlers: EventHandler[];
  logger: Logger;
  /** Woken after each commit, since handlers may have appended events. */
  outbox?: Outbox;
  maxAttempts: number;
  retryDelaysMs: number[];
  prefetch?: number;
  /** Deliveries per transaction (default: the prefetch). */
  batchSize?: number;
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
    batchSize: options.batchSize,
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
    // Handled before, or a duplicate within this batch: no second effect.
    let news = batch.filter(({ envelope }) => toHandle.delete(envelope.id));
    if (options.appliedVersions) {
      // Older than what this service already applied of its aggregate: recorded as handled, no effect.
      const { apply, skipped } = await keepNewest(tx, options.appliedVersions, service, news);
      for (const { envelope } of skipped) {
        options.logger.debug(
          { eventId: envelope.id, type: envelope.type, aggregate: envelope.aggregate },
          'event older than its aggregate as applied; skipped',
        );
      }
      news = apply;
    }
    for (const run of runsOfOneHandler(news)) {
      const first = run[0]!.envelope;
      const context = { requestId: first.id, correlationId: first.correlationId };
      await runWithContext(context, () =>
        run[0]!.handler.handleMany(
          run.map(({ envelope }) => envelope),
          tx,
        ),
      );
    }
  });
}

/** Splits the batch where the handler changes, keeping delivery order. */
function runsOfOneHandler(batch: Accepted[]): Accepted[][] {
  const runs: Accepted[][] = [];
  for (const one of batch) {
    const last = runs.at(-1);
    if (last && last[0]!.handler === one.handler) last.push(one);
    else runs.push([one]);
  }
  return runs;
}

/** Validates the delivery against its contract and finds its handler; a string is why it was refused. */
function accept(delivery: Delivery, handlers: Map<string, EventHandler>): Omit<Accepted, 'index'> | string {
  const parsed = parseEvent(delivery.body);
  if (!parsed.ok) return parsed.reason;
  const handler = handlers.get(parsed.contract.routingKey);
  if (!handler) return `no handler for ${parsed.envelope.type} v${parsed.envelope.version}`;
  return { envelope: parsed.envelope, handler };
}
