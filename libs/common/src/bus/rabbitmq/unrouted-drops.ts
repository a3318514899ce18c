import type { ChannelModel } from 'amqplib';
import { Counter } from 'prom-client';
import type { Logger } from '../../logging/logger.js';

/** Unrouted events dropped (expired or beyond the length bound); registered in every service's /metrics. */
export const unroutedDropped = new Counter({
  name: 'bus_unrouted_dropped_total',
  help: 'Events no queue was bound for, dropped from the unrouted queue, by reason (expired, maxlen)',
  labelNames: ['reason'] as const,
  registers: [],
});

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
