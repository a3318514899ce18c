import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Outbox } from '@sproul/common/messaging';
import { DateTime } from 'luxon';
import { clubBulkRepository } from '../data-access/club-bulk-repository.js';
import { metadataRepository } from '../data-access/metadata-repository.js';
import { clubCreatedEvents } from '../domain/clubs/club-state-events.js';
import { clubEventScheduled } from '../domain/events/club-event-announcements.js';
import { demoCalendar } from './demo-calendar.js';
import { demoClubRow, demoEventRows, demoOwnerId } from './demo-club-rows.js';
import { type DemoClub, demoClubsSchema } from './demo-clubs.schema.js';

/** Resolves from src/seed (tests) and from dist/seed (processes) alike: the data stays in src. */
export const DEMO_CLUBS_FILE = fileURLToPath(new URL('../../src/seed/demo-clubs.json', import.meta.url));

/** The demo data set ships with the source; a build without it (a service image) has nothing to load. */
export const demoClubsAvailable = (file = DEMO_CLUBS_FILE) => existsSync(file);

/**
 * Loads the demo catalog (src/seed/demo-clubs.json) as confirmed, visible clubs with their events,
 * recruiting events, resources and FAQ, each announced with ClubCreated, in one transaction of a few
 * bulk statements. Clubs already loaded (same demo owner) are skipped, so a second run adds nothing.
 * Answers how many clubs it added.
 */
export async function loadDemoClubs(
  outbox: Outbox,
  zone: string,
  options: { file?: string; now?: Date } = {},
): Promise<number> {
  const demos = demoClubsSchema.parse(JSON.parse(readFileSync(options.file ?? DEMO_CLUBS_FILE, 'utf8')));
  const now = DateTime.fromJSDate(options.now ?? new Date(), { zone });
  const calendar = demoCalendar(now);
  return outbox.transaction(async (tx) => {
    const bulk = clubBulkRepository(tx);
    const metadata = metadataRepository(tx);
    const tagIds = new Map((await metadata.tags()).map((tag) => [tag.name, tag.id]));
    const sizeIds = new Map((await metadata.numUserTags()).map((size) => [size.value, size.id]));
    const owners = await bulk.ownerIds();
    const linkNames = await bulk.linkNames();
    const fresh = demos.filter((demo) => !owners.has(demoOwnerId(demo)));
    if (fresh.length === 0) return 0;

    const rows = fresh.map((demo) => demoClubRow(demo, { now, calendar, tagIds, sizeIds, linkNames }));
    const clubs = await bulk.insertClubs(rows);
    const demoOf = new Map(fresh.map((demo) => [demoOwnerId(demo), demo]));
    const withDemo = clubs.map((club) => ({ club, demo: demoOf.get(club.ownerUserId) as DemoClub }));

    const events = await bulk.insertEvents(
      withDemo.flatMap(({ club, demo }) => demoEventRows(club.id, demo, calendar)),
    );
    await bulk.insertResources(
      withDemo.flatMap(({ club, demo }) => demo.resources.map((r) => ({ ...r, clubId: club.id }))),
    );
    await bulk.insertFaq(
      withDemo.flatMap(({ club, demo }) => demo.faq.map((q) => ({ ...q, clubId: club.id }))),
    );
    await outbox.append(tx, await clubCreatedEvents(tx, clubs));
    // After their clubs' ClubCreated, as an officer's added event follows its club.
    await outbox.append(tx, events.map(clubEventScheduled));
    await bulk.analyze();
    return clubs.length;
  });
}
