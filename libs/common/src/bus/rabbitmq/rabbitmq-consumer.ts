import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import type { Logger } from '../../logging/logger.js';
import { batchLimit, type SubscriptionSpec } from '../event-bus.js';
import { outcomesOf } from './batch-outcomes.js';
import { openConsumerChannel } from './consumer-channel.js';
import { forwardFailed, type Republish } from './forward-failed.js';
import { queueNames } from './topology.js';

export type { Republish } from './forward-failed.js';
export { ATTEMPT_HEADER, attemptOf, ROUTING_KEY_HEADER, routingKeyOfMessage } from './message-headers.js';

interface Pending {
  message: ConsumeMessage;
  channel: Channel;
}

/**
 * One service's consumer. Messages are taken in batches (whatever arrived while the previous batch was
 * being handled, up to the prefetch), so one database transaction can cover many of them. A batch is
 * acknowledged only after the handler has committed and every failed message has been confirmed into
 * its retry or dead-letter queue, so nothing is lost if the process dies anywhere in between.
 */
export class RabbitMqConsumer {
  private channel?: Channel;
  private consumerTag?: string;
  private buffer: Pending[] = [];
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    readonly spec: SubscriptionSpec,
    private readonly exchange: string,
    private readonly republish: Republish,
    private readonly logger: Logger,
  ) {}

  private get batchSize() {
    return batchLimit(this.spec, 200);
  }

  /** Declares topology and starts consuming on a fresh channel; called after every (re)connect. */
  async attach(model: ChannelModel) {
    if (this.stopped) return;
    const channel = await openConsumerChannel(model, this.spec, this.exchange, this.logger, (closed) => {
      if (this.channel === closed) this.channel = undefined;
      this.buffer = this.buffer.filter((pending) => pending.channel !== closed);
    });
    this.channel = channel;
    const { consumerTag } = await channel.consume(queueNames(this.spec.queue).main, (message) => {
      if (!message) return; // cancelled by the broker (queue deleted); the next reconnect re-declares it
      this.buffer.push({ message, channel });
      this.kick();
    });
    this.consumerTag = consumerTag;
  }

  async stop(timeoutMs = 5_000) {
    this.stopped = true;
    const channel = this.channel;
    if (channel && this.consumerTag) await channel.cancel(this.consumerTag).catch(() => {});
    if (this.running) await Promise.race([this.running, new Promise((r) => setTimeout(r, timeoutMs))]);
    await channel?.close().catch(() => {});
  }

  private kick() {
    if (this.running) return;
    this.running = this.loop().finally(() => {
      this.running = undefined;
      if (this.buffer.length > 0) this.kick();
    });
  }

  private async loop() {
    while (this.buffer.length > 0) {
      // Yield once so that messages arriving in the same tick join the batch (one transaction, one ack).
      if (this.buffer.length < this.batchSize) await new Promise((resolve) => setImmediate(resolve));
      const batch = this.buffer.splice(0, this.batchSize);
      try {
        await this.process(batch);
      } catch (error) {
        // The channel died mid-batch: unacked messages come back on reconnect and the inbox dedupes them.
        this.logger.warn({ err: error, queue: this.spec.queue }, 'batch left unacknowledged');
      }
    }
  }

  private async process(batch: Pending[]) {
    const messages = batch.map(({ message }) => message);
    const settled = await outcomesOf(this.spec, messages);
    await Promise.all(
      batch.map((pending, i) =>
        forwardFailed(this.spec, this.republish, this.logger, pending.message, settled[i]!),
      ),
    );
    const last = batch[batch.length - 1]!;
    // `multiple` acknowledges everything up to the last tag: earlier batches are already settled.
    if (last.channel === this.channel) last.channel.ack(last.message, true);
  }
}
