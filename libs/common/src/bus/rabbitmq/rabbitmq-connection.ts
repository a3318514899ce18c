import amqp, { type ChannelModel, type RecoveringChannelModel } from 'amqplib';
import type { Logger } from '../../logging/logger.js';
import type { UnroutedBounds } from './unrouted.js';

export interface RabbitMqBusOptions {
  url: string;
  logger: Logger;
  /** Topic exchange every event is published to; tests use their own to stay isolated. */
  exchange?: string;
  /** Reconnect back-off bounds. */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Bounds of the queue keeping events no service is bound for. */
  unrouted?: UnroutedBounds;
}

/** Connects in the background with back-off; `setup` runs on every (re)connect. */
export function connectWithRecovery(
  options: RabbitMqBusOptions,
  setup: (model: ChannelModel) => Promise<void>,
): Promise<RecoveringChannelModel> {
  return amqp.connect(options.url, {
    // Nagle's algorithm delays small frames (publishes, acks) by up to 40 ms: off.
    noDelay: true,
    clientProperties: { connection_name: 'sproul' },
    recovery: {
      waitForConnect: false,
      initialDelay: options.reconnect?.initialDelayMs ?? 200,
      maxDelay: options.reconnect?.maxDelayMs ?? 5_000,
      setup,
    },
  });
}
