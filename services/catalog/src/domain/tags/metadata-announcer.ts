import type { Logger } from '@sproul/common/logging';
import type { Outbox } from '@sproul/common/messaging';

import { appendTagSnapshot } from './tag-set-changed.js';

/** The current tag set as a TagChanged, in its own transaction. */
export async function announceMetadata(outbox: Outbox) {
  await outbox.transaction((tx) => appendTagSnapshot(tx, outbox));
}

/**
 * Announces the tag set again every `intervalMs`. The start-up announcement reaches only consumers
 * whose queues are already bound: on a first deployment, or a fresh RabbitMQ, a service that binds
 * after the catalog published would otherwise never learn the tags (auth then refuses every
 * registration's tag ids) until the catalog restarted. Measured: the stack's first start lost that race
 * in one CI run of four. A snapshot every few minutes heals it, at one small event per interval.
 */
export function startMetadataAnnouncer(options: { outbox: Outbox; logger: Logger; intervalMs: number }) {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = announceMetadata(options.outbox).catch((error) =>
      options.logger.error({ err: error }, 'announcing the tag set failed'),
    );
  }, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
