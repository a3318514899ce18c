import type { ChannelModel } from 'amqplib';
import type { Logger } from '../../logging/logger.js';
import { unroutedDropped } from '../bus-metrics.js';

/** Consumes what the unrouted queue dropped, to count and log it (type and id, never the data). */
export async function countUnroutedDrops(model: ChannelModel, dropped: string, logger: Logger) {
  const channel = await model.createChannel();
  channel.on('error', (error) => logger.warn({ err: error }, 'unrouted drop counter channel error'));
  await channel.consume(dropped, (message) => {
    if (!message) return;
    const death = (
      message.properties.headers?.['x-death'] as { reason?: string; 'routing-keys'?: string[] }[]
    )?.[0];
    const reason = death?.reason === 'expired' || death?.reason === 'maxlen' ? death.reason : 'other';
    unroutedDropped.inc({ reason });
    logger.warn(
      {
        reason,
        routingKey: death?.['routing-keys']?.[0] ?? message.fields.routingKey,
        type: message.properties.type,
        eventId: message.properties.messageId,
      },
      'unrouted event dropped: no queue is bound for it',
    );
    channel.ack(message);
  });
}
