import type { Channel } from 'amqplib';

export const DEFAULT_EXCHANGE = 'sproul.events';
/** Events no queue was bound for yet land here instead of vanishing (e.g. a consumer not deployed yet). */
export const unroutedName = (exchange: string) => `${exchange}.unrouted`;

export const queueNames = (service: string) => ({
  main: `sproul.${service}`,
  dead: `sproul.${service}.dead`,
  retry: (delayMs: number) => `sproul.${service}.retry.${delayMs}ms`,
});

/** The topic exchange and its alternate (fanout) exchange; the queue behind that is in unrouted.ts. */
export async function declareExchanges(channel: Channel, exchange: string) {
  const unrouted = unroutedName(exchange);
  await channel.assertExchange(unrouted, 'fanout', { durable: true });
  await channel.assertExchange(exchange, 'topic', { durable: true, alternateExchange: unrouted });
}

/**
 * A service's queues: the main queue bound to its event types, one retry queue per delay (messages wait
 * out their TTL there, then dead-letter back into the main queue), and its dead-letter queue.
 * Re-run on every reconnect; every declaration is idempotent.
 */
export async function declareServiceQueues(
  channel: Channel,
  exchange: string,
  service: string,
  routingKeys: string[],
  retryDelaysMs: number[],
) {
  const names = queueNames(service);
  await channel.assertQueue(names.main, { durable: true });
  for (const key of routingKeys) await channel.bindQueue(names.main, exchange, key);
  for (const delay of new Set(retryDelaysMs)) {
    await channel.assertQueue(names.retry(delay), {
      durable: true,
      arguments: {
        'x-message-ttl': delay,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': names.main,
      },
    });
  }
  await channel.assertQueue(names.dead, { durable: true });
  return names;
}
