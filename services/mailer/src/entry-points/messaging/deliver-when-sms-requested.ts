import type { Delivery, EventBus, Outcome, Subscription } from '@sproul/common/bus';
import { runWithContext } from '@sproul/common/context';
import { parseEvent, SmsRequestedV1 } from '@sproul/common/events';
import { deliverSms, type SmsRequested } from '../../domain/deliver-sms.js';
import { inParallel } from '../../domain/in-parallel.js';
import type { MailerContext } from '../../domain/mailer-context.js';

/**
 * The SMS consumer, on a queue of its own (`mailer-sms`). Like the email consumer, not an inbox
 * handler: a provider call cannot be rolled back, so the delivery log, keyed by the event's id, is
 * its inbox (deliver-sms.ts).
 */
export function deliverWhenSmsRequested(ctx: MailerContext, bus: EventBus): Promise<Subscription> {
  const { config } = ctx;
  const inFlight = new Set<string>();
  return bus.subscribe({
    queue: 'mailer-sms',
    routingKeys: [SmsRequestedV1.routingKey],
    maxAttempts: config.BUS_MAX_ATTEMPTS,
    retryDelaysMs: config.BUS_RETRY_DELAYS_MS,
    handleBatch: (deliveries) =>
      inParallel(deliveries, config.MAIL_CONCURRENCY, (one) => handle(ctx, one, inFlight)),
  });
}

async function handle(ctx: MailerContext, delivery: Delivery, inFlight: Set<string>): Promise<Outcome> {
  const parsed = parseEvent(delivery.body);
  if (!parsed.ok || parsed.contract !== SmsRequestedV1) {
    const error = parsed.ok ? `not an SmsRequested v1: ${parsed.envelope.type}` : parsed.reason;
    ctx.logger.error({ routingKey: delivery.routingKey, error }, 'event breaks its contract');
    return { kind: 'dead', error };
  }
  const event = parsed.envelope as SmsRequested;
  // Another copy of this event is being delivered right now: it comes back once that one is done.
  if (inFlight.has(event.id)) return { kind: 'retry', error: 'another copy is being delivered' };
  inFlight.add(event.id);
  try {
    return await runWithContext({ requestId: event.id, correlationId: event.correlationId }, () =>
      deliverSms(ctx, event, delivery.attempt, ctx.config.BUS_MAX_ATTEMPTS),
    );
  } catch (error) {
    ctx.logger.warn({ err: error, deliveryId: event.id }, 'SMS delivery failed; retrying');
    return { kind: 'retry', error: (error as Error)?.message ?? String(error) };
  } finally {
    inFlight.delete(event.id);
  }
}
