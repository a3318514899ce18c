import { Counter } from 'prom-client';

/**
 * Unrouted events dropped (expired or beyond the length bound); registered in every service's /metrics.
 * Apart from the RabbitMQ code that counts it, so that serving /metrics loads no AMQP client.
 */
export const unroutedDropped = new Counter({
  name: 'bus_unrouted_dropped_total',
  help: 'Events no queue was bound for, dropped from the unrouted queue, by reason (expired, maxlen)',
  labelNames: ['reason'] as const,
  registers: [],
});
