import type { Outbox } from '@sproul/common/messaging';
import { recruitingStatusRepository } from '../data-access/recruiting-status-repository.js';
import { announceStatusChanges } from './recruiting-scheduler-announce.js';

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
