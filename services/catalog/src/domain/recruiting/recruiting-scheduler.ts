import type { Logger } from '@sproul/common/logging';
import type { Outbox } from '@sproul/common/messaging';
import { recruitingStatusRepository } from '../../data-access/recruiting-status-repository.js';
import { announceStatusChanges } from './announce-status-changes.js';

export interface RecruitingTick {
  /** False when another replica held the tick's lock: this one did nothing. */
  acted: boolean;
  /** Link names of the clubs whose `new_members` flipped. */
  changed: string[];
}

/** One tick: recompute every club's recruiting status as of `now`, announcing each change. */
export async function refreshRecruitingStatuses(outbox: Outbox, now: Date): Promise<RecruitingTick> {
  return outbox.transaction(async (tx) => {
    const repository = recruitingStatusRepository(tx);
    if (!(await repository.tryLock())) return { acted: false, changed: [] };
    await repository.waitForTagChanges();
    const flipped = await repository.applyDeadlines(now);
    await announceStatusChanges(tx, outbox, flipped);
    return { acted: true, changed: flipped.map((club) => club.linkName) };
  });
}

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
