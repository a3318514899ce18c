import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { cancelledClubEventRepository } from '../../data-access/cancelled-club-event-repository.js';
import { type ClubEventKind, clubEventRepository } from '../../data-access/club-event-repository.js';
import { itemNotFound } from '../../errors.js';
import { editClub } from '../clubs/edit-club.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';
import { isItemId } from '../lists/list-item-id.js';
import { cancelledFeedHorizon } from './cancelled-events.js';
import { clubEventCancelled } from './club-event-announcements.js';
import { EVENT_NAME, LIST_FIELD } from './event-fields.js';

type Ctx = { db: Db; outbox: Outbox; clock: () => Date };

export async function removeEvent(ctx: Ctx, officer: Officer, kind: ClubEventKind, id: string) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    const events = clubEventRepository(tx);
    const removed = isItemId(id) ? await events.remove(club.id, kind, id) : undefined;
    if (!removed) throw itemNotFound(EVENT_NAME[kind]);
    // Kept a while as cancelled, for the club's iCalendar feed only; long-cancelled ones are dropped here.
    const cancelled = cancelledClubEventRepository(tx);
    await cancelled.record(removed, ctx.clock());
    await cancelled.pruneBefore(cancelledFeedHorizon(ctx.clock()));
    await ctx.outbox.append(tx, [clubEventCancelled(removed)]);
    return { changed: [LIST_FIELD[kind]], result: await events.list(club.id, kind) };
  });
}
