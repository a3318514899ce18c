import type { Db, DbOrTx } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import {
  type ClubEvent,
  type ClubEventKind,
  clubEventRepository,
  type NewClubEvent,
} from '../data-access/club-event-repository.js';
import { metadataRepository } from '../data-access/metadata-repository.js';
import { invalidBody, itemNotFound } from '../errors.js';
import { editClub } from './edit-club.js';
import { assertRoomFor, findOwnClub, isItemId, type Officer } from './officer-club.js';

type Ctx = { db: Db; outbox: Outbox };

/** An event or recruiting event in upstream's field names; dates are ISO 8601 with an offset. */
export interface EventFields {
  name: string;
  description: string;
  invite_only: boolean;
  event_start: string;
  event_end: string;
  link: string | null;
  links: string[];
  virtual_link: string | null;
  location: string;
  tags: number[];
}

/** What the club's ClubUpdated names for each list. */
const LIST_FIELD = { event: 'events', recruiting: 'recruiting_events' } as const;
const WHAT: Record<ClubEventKind, string> = { event: 'event', recruiting: 'recruiting event' };

export async function listEvents(db: Db, officer: Officer, kind: ClubEventKind) {
  const club = await findOwnClub(db, officer);
  return clubEventRepository(db).list(club.id, kind);
}

export async function addEvent(ctx: Ctx, officer: Officer, kind: ClubEventKind, event: EventFields) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    await assertKnownTags(tx, event.tags);
    const events = clubEventRepository(tx);
    assertRoomFor(LIST_FIELD[kind], (await events.list(club.id, kind)).length);
    await events.add(club.id, kind, toColumns(event) as NewClubEvent);
    return { changed: [LIST_FIELD[kind]], result: await events.list(club.id, kind) };
  });
}

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
    if (!before) throw itemNotFound(WHAT[kind]);
    const columns = toColumns(changes);
    const start = columns.eventStart ?? before.eventStart;
    const end = columns.eventEnd ?? before.eventEnd;
    if (end.getTime() < start.getTime()) {
      throw invalidBody([{ field: 'event_end', errors: ['must not be before event_start'] }]);
    }
    if (Object.keys(columns).length === 0 || !differs(before, columns)) {
      return { changed: [], result: await events.list(club.id, kind) };
    }
    await events.update(club.id, kind, id, columns);
    return { changed: [LIST_FIELD[kind]], result: await events.list(club.id, kind) };
  });
}

export async function removeEvent(ctx: Ctx, officer: Officer, kind: ClubEventKind, id: string) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    const events = clubEventRepository(tx);
    if (!isItemId(id) || !(await events.remove(club.id, kind, id))) throw itemNotFound(WHAT[kind]);
    return { changed: [LIST_FIELD[kind]], result: await events.list(club.id, kind) };
  });
}

function toColumns(fields: Partial<EventFields>): Partial<NewClubEvent> {
  const columns: Partial<NewClubEvent> = {};
  if (fields.name !== undefined) columns.name = fields.name;
  if (fields.description !== undefined) columns.description = fields.description;
  if (fields.invite_only !== undefined) columns.inviteOnly = fields.invite_only;
  if (fields.event_start !== undefined) columns.eventStart = new Date(fields.event_start);
  if (fields.event_end !== undefined) columns.eventEnd = new Date(fields.event_end);
  if (fields.link !== undefined) columns.link = fields.link;
  if (fields.links !== undefined) columns.links = fields.links;
  if (fields.virtual_link !== undefined) columns.virtualLink = fields.virtual_link;
  if (fields.location !== undefined) columns.location = fields.location;
  if (fields.tags !== undefined) columns.tags = fields.tags;
  return columns;
}

const comparable = (value: unknown) => (value instanceof Date ? value.getTime() : JSON.stringify(value));

function differs(before: ClubEvent, columns: Partial<NewClubEvent>) {
  return Object.entries(columns).some(
    ([column, value]) => comparable(value) !== comparable(before[column as keyof ClubEvent]),
  );
}

/**
 * Upstream stored any id as an event tag without looking; unknown ones are a 400 here. Checked inside
 * the edit's transaction, which holds the tag ids (editClub), so they stay valid until it commits.
 */
async function assertKnownTags(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return;
  const known = new Set((await metadataRepository(db).tags()).map((tag) => tag.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw invalidBody([{ field: 'tags', errors: [`unknown tag ids: ${unknown.join(', ')}`] }]);
}
