import type { ChannelModel } from 'amqplib';
import type { DeadLetter } from '../event-bus.js';
import { ATTEMPT_HEADER, routingKeyOfMessage } from './message-headers.js';
import { queueNames } from './topology.js';

/** Takes up to `max` messages off a queue's dead-letter queue, on a channel of their own. */
export async function takeDeadLetters(
  model: ChannelModel,
  queue: string,
  max: number,
): Promise<DeadLetter[]> {
  const channel = await model.createChannel();
  const letters: DeadLetter[] = [];
  try {
    const name = queueNames(queue).dead;
    await channel.assertQueue(name, { durable: true });
    while (letters.length < max) {
      const message = await channel.get(name, { noAck: true });
      if (!message) break;
      const headers = message.properties.headers ?? {};
      let body: unknown;
      try {
        body = JSON.parse(message.content.toString('utf8'));
      } catch {
        body = message.content.toString('utf8');
      }
      letters.push({
        body,
        routingKey: routingKeyOfMessage(message as never),
        error: String(headers['x-error'] ?? ''),
        attempts: Number(headers[ATTEMPT_HEADER] ?? 1),
        deadAt: String(headers['x-dead-at'] ?? ''),
      });
    }
  } finally {
    await channel.close().catch(() => {});
  }
  return letters;
}
