import type { Delivery, EventBus, Outcome, Subscription } from '@sproul/common/bus';
import { runWithContext } from '@sproul/common/context';
import { EmailRequestedV1, parseEvent } from '@sproul/common/events';
import { deliverEmail, type EmailRequested } from '../../domain/deliver-email.js';
import { inParallel } from '../../domain/in-parallel.js';
import type { MailerContext } from '../../domain/mailer-context.js';

/**
 * The mailer's consumer. Not the kernel's inbox handler (`on`): an inbox handler runs inside the
 * consumer's transaction, but an SES call cannot be rolled back, so each email is claimed in its own
 * committed transaction first and recorded after (deliver-email.ts). The delivery log, keyed by the
 * event's id, is this consumer's inbox. A batch's emails go out MAIL_CONCURRENCY at a time.
 */
export function deliverWhenEmailRequested(ctx: MailerContext, bus: EventBus): Promise<Subscription> {
  const { config } = ctx;
  const inFlight = new Set<string>();
  return bus.subscribe({
    queue: 'mailer',
    routingKeys: [EmailRequestedV1.routingKey],
    maxAttempts: config.BUS_MAX_ATTEMPTS,
    retryDelaysMs: config.BUS_RETRY_DELAYS_MS,
    handleBatch: (deliveries) =>
      inParallel(deliveries, config.MAIL_CONCURRENCY, (one) => handle(ctx, one, inFlight)),
  });
}

async function handle(ctx: MailerContext, delivery: Delivery, inFlight: Set<string>): Promise<Outcome> {
  const parsed = parseEvent(delivery.body);
  if (!parsed.ok || parsed.contract !== EmailRequestedV1) {
    const error = parsed.ok ? `not an EmailRequested v1: ${parsed.envelope.type}` : parsed.reason;
    ctx.logger.error({ routingKey: delivery.routingKey, error }, 'event breaks its contract');
    return { kind: 'dead', error };
  }
  const event = parsed.envelope as EmailRequested;
  // Another copy of this event (a relay that published twice) is being delivered here right now: its
  // row says `sending`, which would read as a crash's. This copy comes back once that one is done.
  if (inFlight.has(event.id)) return { kind: 'retry', error: 'another copy is being delivered' };
  inFlight.add(event.id);
  const context = { requestId: event.id, correlationId: event.correlationId };
  try {
    return await runWithContext(context, () =>
      deliverEmail(ctx, event, delivery.attempt, ctx.config.BUS_MAX_ATTEMPTS),
    );
  } catch (error) {
    // The database, most likely: nothing was decided, the next attempt claims again.
    ctx.logger.warn({ err: error, deliveryId: event.id }, 'email delivery failed; retrying');
    return { kind: 'retry', error: (error as Error)?.message ?? String(error) };
  } finally {
    inFlight.delete(event.id);
  }
}
