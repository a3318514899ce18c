import { type DbOrTx, rowsOf } from '@sproul/common/db';
import { sql } from 'drizzle-orm';
import type { ClubEvent } from './club-event-repository.js';
import type { ClubQuestion } from './club-faq-repository.js';
import type { GalleryItem } from './club-gallery-repository.js';
import type { ClubResource } from './club-resource-repository.js';
import { clubEvents, clubFaq, clubGalleryMedia, clubResources } from './schema.js';

type Row = Record<string, unknown>;
// node-postgres parses json columns; be lenient with a driver that hands back the text.
const parsed = (value: unknown): Row[] => (typeof value === 'string' ? JSON.parse(value) : (value as Row[]));

const toEvent = (row: Row): ClubEvent => ({
  id: row.id as string,
  seq: Number(row.seq),
  clubId: row.club_id as string,
  kind: row.kind as ClubEvent['kind'],
  name: row.name as string,
  description: row.description as string,
  link: row.link as string | null,
  links: row.links as string[],
  virtualLink: row.virtual_link as string | null,
  location: row.location as string,
  tags: row.tags as number[],
  inviteOnly: row.invite_only as boolean,
  eventStart: new Date(row.event_start as string),
  eventEnd: new Date(row.event_end as string),
});

const toResource = (row: Row): ClubResource => ({
  id: row.id as string,
  seq: Number(row.seq),
  clubId: row.club_id as string,
  name: row.name as string,
  link: row.link as string,
});

const toQuestion = (row: Row): ClubQuestion => ({
  id: row.id as string,
  seq: Number(row.seq),
  clubId: row.club_id as string,
  question: row.question as string,
  answer: row.answer as string,
});

const toGalleryItem = (row: Row): GalleryItem => ({
  id: row.id as string,
  seq: Number(row.seq),
  clubId: row.club_id as string,
  type: row.type as GalleryItem['type'],
  url: row.url as string,
  caption: row.caption as string,
  objectKey: row.object_key as string | null,
});

const listOf = (
  table: typeof clubEvents | typeof clubResources | typeof clubFaq | typeof clubGalleryMedia,
  clubId: string,
) =>
  sql`(select coalesce(json_agg(item order by item.seq), '[]'::json) from ${table} item where item.club_id = ${clubId})`;

/**
 * Every list of one club in a single round trip (a club page under load waits for pool connections
 * once, not five times), each in the order its items were added.
 */
export const clubListsRepository = (db: DbOrTx) => ({
  async forClub(clubId: string) {
    const [row] = rowsOf<Row>(
      await db.execute(sql`select ${listOf(clubEvents, clubId)} as events, ${listOf(clubResources, clubId)} as resources,
        ${listOf(clubFaq, clubId)} as faq, ${listOf(clubGalleryMedia, clubId)} as gallery`),
    );
    const events = parsed(row?.events ?? []).map(toEvent);
    return {
      events: events.filter((event) => event.kind === 'event'),
      recruitingEvents: events.filter((event) => event.kind === 'recruiting'),
      resources: parsed(row?.resources ?? []).map(toResource),
      faq: parsed(row?.faq ?? []).map(toQuestion),
      gallery: parsed(row?.gallery ?? []).map(toGalleryItem),
    };
  },
});
