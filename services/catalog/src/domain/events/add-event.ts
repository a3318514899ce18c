import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import {
  type ClubEventKind,
  clubEventRepository,
  type NewClubEvent,
} from '../../data-access/club-event-repository.js';
import { editClub } from '../clubs/edit-club.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';
import { assertRoomFor } from '../lists/list-limits.js';
import { assertKnownTags } from './assert-known-event-tags.js';
import { clubEventScheduled } from './club-event-announcements.js';
import { type EventFields, LIST_FIELD, toColumns } from './event-fields.js';

type Ctx = { db: Db; outbox: Outbox };

export async function addEvent(ctx: Ctx, officer: Officer, kind: ClubEventKind, event: EventFields) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    await assertKnownTags(tx, event.tags);
    const events = clubEventRepository(tx);
    assertRoomFor(LIST_FIELD[kind], (await events.list(club.id, kind)).length);
    const added = await events.add(club.id, kind, toColumns(event) as NewClubEvent);
    // Announced in the edit's transaction (outbox): the event and its announcement commit together.
    await ctx.outbox.append(tx, [clubEventScheduled(added)]);
    return { changed: [LIST_FIELD[kind]], result: await events.list(club.id, kind) };
  });
}
