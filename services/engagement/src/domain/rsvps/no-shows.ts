import { rsvpRepository } from '../../data-access/rsvp-repository.js';
import type { EngagementContext } from '../engagement-context.js';
import { applyRsvpMove } from './apply-rsvp-move.js';

/** An hour's grace after an event ends before its unattended RSVPs count as no-shows. */
export const NO_SHOW_GRACE_MS = 60 * 60 * 1000;

/**
 * Marks `going` RSVPs of events that ended over an hour ago as `no_show` (by the platform), one event
 * per transaction under its lock, and the event as done so it is not looked at again.
 */
export async function markNoShows(ctx: EngagementContext, now: Date) {
  const due = await rsvpRepository(ctx.db).eventsEndedBefore(new Date(now.getTime() - NO_SHOW_GRACE_MS));
  for (const event of due) {
    await ctx.outbox.transaction(async (tx) => {
      const repo = rsvpRepository(tx);
      await repo.lockEvent(event.id);
      for (const rsvp of await repo.withStatus(event.id, 'going')) {
        await applyRsvpMove(tx, ctx.outbox, { from: 'going', to: 'no_show', side: 'platform' }, () =>
          repo.move(rsvp.id, 'going', 'no_show', now),
        );
      }
      await repo.markNoShowsDone(event.id);
    });
  }
}
