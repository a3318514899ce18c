import type { Logger } from '@sproul/common/logging';

/**
 * Work done after the answer was sent (account emails whose answer must not reveal whether the
 * account exists). `idle` resolves once all of it has finished: tests wait on it, stop drains it.
 */
export function deferredWork(logger: Logger) {
  const running = new Set<Promise<void>>();
  return {
    after(what: string, work: () => Promise<unknown>) {
      const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        .then(
          () => undefined,
          (error) => logger.error({ err: error, what }, 'deferred account email failed'),
        )
        .finally(() => running.delete(done));
      running.add(done);
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}

export type DeferredWork = ReturnType<typeof deferredWork>;
