import type { ChannelModel } from 'amqplib';
import type { DeadLetter, QueueDepth } from '../event-bus.js';
import { confirmRaw } from './confirm-publish.js';
import { ATTEMPT_HEADER, ROUTING_KEY_HEADER, routingKeyOfMessage } from './message-headers.js';
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

/** A queue's ready messages; 0 for a queue never declared (the broker then closes the channel: one each). */
async function readyCount(model: ChannelModel, name: string): Promise<number> {
  const channel = await model.createChannel();
  channel.on('error', () => {}); // the 404 of a missing queue, answered above
  try {
    return (await channel.checkQueue(name)).messageCount;
  } catch {
    return 0;
  } finally {
    await channel.close().catch(() => {});
  }
}

/** Ready messages of each service's main queue (unacknowledged and retrying ones are not counted) and dead letters. */
export function queueDepths(model: ChannelModel, queues: string[]): Promise<QueueDepth[]> {
  return Promise.all(
    queues.map(async (queue) => {
      const names = queueNames(queue);
      const [waiting, dead] = await Promise.all([
        readyCount(model, names.main),
        readyCount(model, names.dead),
      ]);
      return { queue, waiting, dead };
    }),
  );
}

/**
 * Moves up to `max` dead letters back onto the service's main queue, each acknowledged only once the
 * broker confirmed its copy (a crash in between leaves a duplicate, which the inbox absorbs, never a loss).
 */
export async function replayDeadLetters(model: ChannelModel, queue: string, max: number): Promise<number> {
  const names = queueNames(queue);
  const channel = await model.createConfirmChannel();
  let replayed = 0;
  try {
    await channel.assertQueue(names.dead, { durable: true });
    while (replayed < max) {
      const message = await channel.get(names.dead, { noAck: false });
      if (!message) break;
      // The routing key rides in its header, as on a retry; no attempt header makes it a first delivery.
      await confirmRaw(channel, '', names.main, message.content, {
        [ROUTING_KEY_HEADER]: routingKeyOfMessage(message as never),
      });
      channel.ack(message);
      replayed += 1;
    }
  } finally {
    await channel.close().catch(() => {});
  }
  return replayed;
}
