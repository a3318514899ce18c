import type { ChannelModel } from 'amqplib';
import type { Logger } from '../../logging/logger.js';
import { countUnroutedDrops } from './unrouted-drops.js';

export { unroutedDropped } from '../bus-metrics.js';

/** Bounds of the queue that keeps events no service is bound for yet (a consumer not deployed yet). */
export interface UnroutedBounds {
  /** How long such an event is kept (default 15 min: emails carry single-use links). */
  ttlMs?: number;
  /** How many are kept; the oldest go first beyond that (default 1,000). */
  maxLength?: number;
}

/**
 * Names around the topic exchange's alternate exchange (`<exchange>.unrouted`, a fanout, unchanged since
 * the topic exchange names it). The queue behind it used to share that name with no bound; a queue's
 * arguments cannot change once declared (PRECONDITION_FAILED), so the bounded one has a name of its own
 * and the old one is deleted.
 */
export const unroutedNames = (exchange: string) => ({
  exchange: `${exchange}.unrouted`,
  legacyQueue: `${exchange}.unrouted`,
  queue: `${exchange}.unrouted.bounded`,
  dropped: `${exchange}.unrouted.dropped`,
});

/**
 * Declares the bounded unrouted queue and where it dead-letters what it drops, deletes the old unbounded
 * queue, and consumes the drops only to count and log them (type and id, never the data: it may carry a
 * secret). Each step runs on a channel of its own: a broker refusal closes that channel, not the bus's.
 */
export async function boundUnrouted(
  model: ChannelModel,
  exchange: string,
  bounds: UnroutedBounds,
  logger: Logger,
) {
  const names = unroutedNames(exchange);
  const attempt = async (
    what: string,
    step: (channel: Awaited<ReturnType<ChannelModel['createChannel']>>) => Promise<void>,
  ) => {
    const channel = await model.createChannel();
    channel.on('error', () => {});
    try {
      await step(channel);
      await channel.close().catch(() => {});
      return true;
    } catch (error) {
      logger.warn({ err: error, queue: names.queue }, what);
      return false;
    }
  };
  await attempt('could not declare where unrouted events are dropped to', async (channel) => {
    await channel.assertExchange(names.dropped, 'fanout', { durable: true });
    await channel.assertQueue(names.dropped, {
      durable: true,
      arguments: { 'x-message-ttl': 3_600_000, 'x-max-length': 10_000 },
    });
    await channel.bindQueue(names.dropped, names.dropped, '');
  });
  await attempt(
    'the unrouted queue exists with other bounds; it keeps them (delete it to apply new ones)',
    async (channel) => {
      await channel.assertQueue(names.queue, {
        durable: true,
        arguments: {
          'x-message-ttl': bounds.ttlMs ?? 15 * 60_000,
          'x-max-length': bounds.maxLength ?? 1_000,
          'x-overflow': 'drop-head',
          'x-dead-letter-exchange': names.dropped,
        },
      });
      await channel.bindQueue(names.queue, names.exchange, '');
    },
  );
  await attempt('could not delete the old unbounded unrouted queue', async (channel) => {
    const { messageCount } = await channel.deleteQueue(names.legacyQueue);
    if (messageCount > 0) {
      logger.warn(
        { queue: names.legacyQueue, messages: messageCount },
        'deleted the old unbounded unrouted queue',
      );
    }
  });
  await countUnroutedDrops(model, names.dropped, logger);
}
