import type { ConsumeMessage } from 'amqplib';
import type { Logger } from '../../logging/logger.js';
import { type Outcome, retryDelay, type SubscriptionSpec } from '../event-bus.js';
import { ATTEMPT_HEADER, attemptOf, ROUTING_KEY_HEADER, routingKeyOfMessage } from './message-headers.js';
import { queueNames } from './topology.js';

/** Publishes a copy of a message to a queue and resolves on the broker's confirm. */
export type Republish = (queue: string, content: Buffer, headers: Record<string, unknown>) => Promise<void>;

/** Sends a message that was not acked on to its retry queue, or to the dead-letter queue once out of attempts. */
export async function forwardFailed(
  spec: SubscriptionSpec,
  republish: Republish,
  logger: Logger,
  message: ConsumeMessage,
  outcome: Outcome,
) {
  if (outcome.kind === 'ack') return;
  const attempt = attemptOf(message);
  const routingKey = routingKeyOfMessage(message);
  if (outcome.kind === 'retry' && attempt < spec.maxAttempts) {
    const delay = retryDelay(spec.retryDelaysMs, attempt);
    await republish(queueNames(spec.queue).retry(delay), message.content, {
      [ATTEMPT_HEADER]: attempt + 1,
      [ROUTING_KEY_HEADER]: routingKey,
      'x-last-error': truncate(outcome.error),
    });
    return;
  }
  logger.error(
    { queue: spec.queue, routingKey, attempts: attempt, error: outcome.error },
    'message dead-lettered',
  );
  await republish(queueNames(spec.queue).dead, message.content, {
    [ATTEMPT_HEADER]: attempt,
    [ROUTING_KEY_HEADER]: routingKey,
    'x-error': truncate(outcome.error),
    'x-dead-at': new Date().toISOString(),
  });
}

const truncate = (text: string) => (text.length > 2000 ? `${text.slice(0, 2000)}…` : text);
