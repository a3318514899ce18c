import { runWithContext } from '../context/request-context.js';
import type { Tx } from '../db/database.js';
import type { EventContract, EventData } from '../events/define-event.js';
import type { EventEnvelope } from '../events/envelope.js';

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
