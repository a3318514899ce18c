import type { Delivery, EventBus, Outcome, Subscription } from '@sproul/common/bus';
import { runWithContext } from '@sproul/common/context';
import { type EventContract, type EventEnvelope, parseEvent } from '@sproul/common/events';
import { consumeOneTraced } from '@sproul/common/tracing';
import { inParallel } from '../../domain/in-parallel.js';
import type { MailerContext } from '../../domain/mailer-context.js';

interface DeliveryConsumer<E extends EventEnvelope> {
  queue: string;
  contract: EventContract;
  /** For logs: `email`, `SMS`. */
  what: string;
  deliver(ctx: MailerContext, event: E, attempt: number, maxAttempts: number): Promise<Outcome>;
}

/**
 * A consumer of requests the mailer hands to a provider (emails, texts). Not the kernel's inbox
 * handler (`on`): an inbox handler runs inside the consumer's transaction, but a provider call cannot
 * be rolled back, so each request is claimed in its own committed transaction first and recorded after
 * (deliver-email.ts, deliver-sms.ts): the delivery log, keyed by the event's id, is the inbox. A batch
 * goes out MAIL_CONCURRENCY at a time.
 */
export function subscribeDeliveries<E extends EventEnvelope>(
  ctx: MailerContext,
  bus: EventBus,
  consumer: DeliveryConsumer<E>,
): Promise<Subscription> {
  const { config } = ctx;
  const inFlight = new Set<string>();
  return bus.subscribe({
    queue: consumer.queue,
    routingKeys: [consumer.contract.routingKey],
    maxAttempts: config.BUS_MAX_ATTEMPTS,
    retryDelaysMs: config.BUS_RETRY_DELAYS_MS,
    handleBatch: (deliveries) =>
      inParallel(deliveries, config.MAIL_CONCURRENCY, (one) => handle(ctx, consumer, one, inFlight)),
  });
}

async function handle<E extends EventEnvelope>(
  ctx: MailerContext,
  consumer: DeliveryConsumer<E>,
  delivery: Delivery,
  inFlight: Set<string>,
): Promise<Outcome> {
  const { contract } = consumer;
  const parsed = parseEvent(delivery.body);
  if (!parsed.ok || parsed.contract !== contract) {
    const error = parsed.ok
      ? `not an ${contract.type} v${contract.version}: ${parsed.envelope.type}`
      : parsed.reason;
    ctx.logger.error({ routingKey: delivery.routingKey, error }, 'event breaks its contract');
    return { kind: 'dead', error };
  }
  const event = parsed.envelope as E;
  // Another copy of this event (a relay that published twice) is being delivered here right now: its
  // row says `sending`, which would read as a crash's. This copy comes back once that one is done.
  if (inFlight.has(event.id)) return { kind: 'retry', error: 'another copy is being delivered' };
  inFlight.add(event.id);
  const context = { requestId: event.id, correlationId: event.correlationId };
  try {
    return await runWithContext(context, () =>
      consumeOneTraced(consumer.queue, event, () =>
        consumer.deliver(ctx, event, delivery.attempt, ctx.config.BUS_MAX_ATTEMPTS),
      ),
    );
  } catch (error) {
    // The database, most likely: nothing was decided, the next attempt claims again.
    ctx.logger.warn({ err: error, deliveryId: event.id }, `${consumer.what} delivery failed; retrying`);
    return { kind: 'retry', error: (error as Error)?.message ?? String(error) };
  } finally {
    inFlight.delete(event.id);
  }
}
