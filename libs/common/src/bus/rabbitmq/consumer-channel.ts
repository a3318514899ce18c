import type { Channel, ChannelModel } from 'amqplib';
import type { Logger } from '../../logging/logger.js';
import type { SubscriptionSpec } from '../event-bus.js';
import { declareServiceQueues } from './topology.js';

/** A fresh channel for a service's queues, with their topology declared and the prefetch set. */
export async function openConsumerChannel(
  model: ChannelModel,
  spec: SubscriptionSpec,
  exchange: string,
  logger: Logger,
  onClose: (channel: Channel) => void,
): Promise<Channel> {
  const channel = await model.createChannel();
  channel.on('error', (error) => logger.warn({ err: error, queue: spec.queue }, 'consumer channel error'));
  channel.on('close', () => onClose(channel));
  await declareServiceQueues(channel, exchange, spec.queue, spec.routingKeys, spec.retryDelaysMs);
  await channel.prefetch(spec.prefetch ?? 200);
  return channel;
}
