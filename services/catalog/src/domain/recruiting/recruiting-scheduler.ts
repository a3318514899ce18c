import type { Logger } from '@sproul/common/logging';
import type { Outbox } from '@sproul/common/messaging';

import { refreshRecruitingStatuses } from './refresh-recruiting-statuses.js';

export interface RecruitingScheduler {
  /** Stops ticking and waits for a tick in progress. */
  stop(): Promise<void>;
}

/**
 * Ticks at every multiple of `intervalMs` of the wall clock (upstream: every minute), so replicas
 * tick together and the lock picks one; a failed tick is logged and the next one tries again.
 */
export function startRecruitingScheduler(options: {
  outbox: Outbox;
  logger: Logger;
  intervalMs: number;
  clock?: () => Date;
}): RecruitingScheduler {
  const clock = options.clock ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const tick = async () => {
    try {
      const result = await refreshRecruitingStatuses(options.outbox, clock());
      if (result.changed.length > 0) {
        options.logger.info({ clubs: result.changed }, 'recruiting status changed');
      }
    } catch (error) {
      options.logger.error({ err: error }, 'recruiting status tick failed');
    }
  };
  const schedule = () => {
    if (stopped) return;
    const wait = options.intervalMs - (Date.now() % options.intervalMs);
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, wait);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
