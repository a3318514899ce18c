import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from '../logging/logger.js';
import { deleteRows, readReady } from './durable-bus-tables.js';
import { deliver, settle } from './durable-outcomes.js';
import { RetrySchedule } from './durable-retry-schedule.js';
import type { SubscriptionSpec } from './event-bus.js';

/** One queue's consumer loop: reads ready rows in id order, hands them over in batches, settles them. */
export class DurableQueue {
  private running?: Promise<void>;
  /** Set when woken while a batch was in hand: read again before resting. */
  private again = false;
  private paused = true;
  private stopped = false;
  private readonly retries: RetrySchedule;
  /** Ids handled (committed by the consumer) whose rows are deleted with the next read. */
  private readonly acks: number[] = [];

  constructor(
    private readonly client: PGlite,
    private spec: SubscriptionSpec,
    private readonly logger?: Logger,
  ) {
    this.retries = new RetrySchedule(
      client,
      () => !this.paused && !this.stopped,
      () => this.kick(),
    );
  }

  resume(spec: SubscriptionSpec) {
    this.spec = spec;
    this.paused = false;
    this.retries.forgetDue();
    this.kick();
  }

  pause() {
    this.paused = true;
    this.retries.clear();
  }

  async stop(timeoutMs: number) {
    this.stopped = true;
    this.pause();
    if (this.running) await Promise.race([this.running, new Promise((r) => setTimeout(r, timeoutMs))]);
  }

  kick() {
    if (this.paused || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop()
      .catch((error) => {
        // PGlite failing (closing under us): the rows stay; the next wake or timer reads them again.
        this.logger?.warn({ err: error, queue: this.spec.queue }, 'in-process queue read failed');
        this.retries.forgetDue();
        this.retries.wakeAt(Date.now() + 1_000);
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) this.kick();
      });
  }

  private async loop() {
    // Let the publisher's batch land first, so consumers see batches as they would from RabbitMQ.
    await new Promise((resolve) => setImmediate(resolve));
    for (;;) {
      this.again = false;
      if (this.paused || this.stopped) {
        await this.flushAcks();
        return;
      }
      // The previous batch's acknowledgements ride with the next read: one statement per batch.
      const rows = await readReady(this.client, this.spec, this.acks.splice(0));
      if (rows.length === 0) {
        if (!this.again) await this.retries.lookUpUnknownDue(this.spec.queue);
        if (!this.again) return;
        continue;
      }
      const outcomes = await deliver(this.spec, rows);
      await settle(this.client, this.spec, rows, outcomes, this.settling, this.logger);
    }
  }

  private readonly settling = {
    ack: (id: number) => this.acks.push(id),
    retryAt: (at: number) => this.retries.wakeAt(at),
  };

  private async flushAcks() {
    if (this.acks.length > 0) await deleteRows(this.client, this.acks.splice(0));
  }
}
