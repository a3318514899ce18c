import amqp from 'amqplib';
import type { DeadLetter } from '../event-bus.js';
import { takeDeadLetters } from './rabbitmq-dead-letters.js';

/**
 * Takes up to `max` of a service queue's dead letters off the broker at `url`, on a connection of its
 * own: for a one-off look from outside the services (the chaos run explains what is left in a `.dead`
 * queue once the platform has settled). The services go through their bus.
 */
export async function takeDeadLettersAt(url: string, queue: string, max = 1000): Promise<DeadLetter[]> {
  const model = await amqp.connect(url);
  model.on('error', () => {}); // a broker going away now fails the take below, which is enough
  try {
    return await takeDeadLetters(model, queue, max);
  } finally {
    await model.close().catch(() => {});
  }
}
