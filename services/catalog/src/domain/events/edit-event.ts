import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { type ClubEventKind, clubEventRepository } from '../../data-access/club-event-repository.js';
import { invalidBody, itemNotFound } from '../../errors.js';
import { editClub } from '../clubs/edit-club.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';
import { isItemId } from '../lists/list-item-id.js';
import { assertKnownTags } from './assert-known-event-tags.js';
import { clubEventChanged } from './club-event-announcements.js';
import { EVENT_NAME, type EventFields, eventDiffers, LIST_FIELD, toColumns } from './event-fields.js';

type Ctx = { db: Db; outbox: Outbox };

/** Every field can change; the result must still end no earlier than it starts. */
export async function editEvent(
  ctx: Ctx,
  officer: Officer,
  kind: ClubEventKind,
  id: string,
  changes: Partial<EventFields>,
) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    if (changes.tags) await assertKnownTags(tx, changes.tags);
    const events = clubEventRepository(tx);
    const before = isItemId(id) && (await events.find(club.id, kind, id));
    if (!before) throw itemNotFound(EVENT_NAME[kind]);
    const columns = toColumns(changes);
    const start = columns.eventStart ?? before.eventStart;
    const end = columns.eventEnd ?? before.eventEnd;
    if (end.getTime() < start.getTime()) {
      throw invalidBody([{ field: 'event_end', errors: ['must not be before event_start'] }]);
    }
    if (Object.keys(columns).length === 0 || !eventDiffers(before, columns)) {
      return { changed: [], result: await events.list(club.id, kind) };
    }
    const after = await events.update(club.id, kind, id, columns);
    if (after) await ctx.outbox.append(tx, clubEventChanged(before, after));
    return { changed: [LIST_FIELD[kind]], result: await events.list(club.id, kind) };
  });
}
