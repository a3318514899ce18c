import type { ChannelModel, ConfirmChannel, RecoveringChannelModel } from 'amqplib';
import { routingKeyOf } from '../../events/define-event.js';
import type { EventEnvelope } from '../../events/envelope.js';
import type { Logger } from '../../logging/logger.js';
import {
  BusUnavailableError,
  type DeadLetter,
  type EventBus,
  type QueueDepth,
  type Subscription,
  type SubscriptionSpec,
} from '../event-bus.js';
import { confirmPublish, confirmRaw } from './confirm-publish.js';
import { connectWithRecovery, type RabbitMqBusOptions } from './rabbitmq-connection.js';
import { RabbitMqConsumer } from './rabbitmq-consumer.js';
import { queueDepths, replayDeadLetters, takeDeadLetters } from './rabbitmq-dead-letters.js';
import { DEFAULT_EXCHANGE, declareExchanges } from './topology.js';
import { boundUnrouted, type UnroutedBounds } from './unrouted.js';

export type { RabbitMqBusOptions } from './rabbitmq-connection.js';

/**
 * RabbitMQ transport: one durable topic exchange, persistent messages, publisher confirms, and
 * reconnection with back-off. Topology and consumers are declared again on every reconnect.
 */
export class RabbitMqBus implements EventBus {
  private publisher?: ConfirmChannel;
  private model?: ChannelModel;
  private readonly consumers = new Set<RabbitMqConsumer>();

  private constructor(
    private readonly connection: RecoveringChannelModel,
    private readonly logger: Logger,
    private readonly exchange: string,
    private readonly unrouted: UnroutedBounds = {},
  ) {}

  /** Starts connecting in the background; the service starts even while the broker is down. */
  static async connect(options: RabbitMqBusOptions): Promise<RabbitMqBus> {
    let bus: RabbitMqBus | undefined;
    const connection = await connectWithRecovery(options, async (model) => bus!.setup(model));
    bus = new RabbitMqBus(connection, options.logger, options.exchange ?? DEFAULT_EXCHANGE, options.unrouted);
    connection.on('error', (error) => options.logger.warn({ err: error }, 'amqp connection error'));
    connection.on('connect', () => options.logger.info('amqp connected'));
    connection.on('disconnect', (error) => {
      bus.publisher = undefined;
      bus.model = undefined;
      options.logger.warn({ err: error }, 'amqp disconnected; reconnecting');
    });
    return bus;
  }

  /** Resolves when connected (or rejects after `timeoutMs`). */
  async waitUntilConnected(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.publisher) {
      if (Date.now() > deadline)
        throw new BusUnavailableError(`No RabbitMQ connection within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private async setup(model: ChannelModel) {
    const publisher = await model.createConfirmChannel();
    publisher.on('error', (error) => this.logger.warn({ err: error }, 'publisher channel error'));
    publisher.on('close', () => {
      if (this.publisher === publisher) this.publisher = undefined;
    });
    await declareExchanges(publisher, this.exchange);
    await boundUnrouted(model, this.exchange, this.unrouted, this.logger);
    for (const consumer of this.consumers) await consumer.attach(model);
    this.model = model;
    this.publisher = publisher;
  }

  async publish(envelopes: EventEnvelope[]): Promise<void> {
    const channel = this.requirePublisher();
    await Promise.all(
      envelopes.map((envelope) =>
        confirmPublish(channel, this.exchange, routingKeyOf(envelope.type, envelope.version), envelope),
      ),
    );
  }

  private requirePublisher(): ConfirmChannel {
    if (!this.publisher) throw new BusUnavailableError();
    return this.publisher;
  }

  async subscribe(spec: SubscriptionSpec): Promise<Subscription> {
    const consumer = new RabbitMqConsumer(
      spec,
      this.exchange,
      (queue, content, headers) => confirmRaw(this.requirePublisher(), '', queue, content, headers),
      this.logger.child({ queue: spec.queue }),
    );
    this.consumers.add(consumer);
    if (this.model) await consumer.attach(this.model);
    return {
      cancel: async () => {
        this.consumers.delete(consumer);
        await consumer.stop();
      },
    };
  }

  async takeDeadLetters(queue: string, max = 100): Promise<DeadLetter[]> {
    if (!this.model) throw new BusUnavailableError();
    return takeDeadLetters(this.model, queue, max);
  }

  async queueDepths(queues: string[]): Promise<QueueDepth[]> {
    if (!this.model) throw new BusUnavailableError();
    return queueDepths(this.model, queues);
  }

  async replayDeadLetters(queue: string, max = 100): Promise<number> {
    if (!this.model) throw new BusUnavailableError();
    return replayDeadLetters(this.model, queue, max);
  }

  async check(): Promise<void> {
    this.requirePublisher();
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    this.consumers.clear();
    await this.connection.close().catch(() => {});
  }
}
