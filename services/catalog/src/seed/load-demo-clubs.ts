import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ClubCreatedV1, makeEvent } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import { DateTime } from 'luxon';
import { clubBulkRepository } from '../data-access/club-bulk-repository.js';
import type { NewClubEvent } from '../data-access/club-event-repository.js';
import type { NewClub } from '../data-access/club-repository.js';
import { metadataRepository } from '../data-access/metadata-repository.js';
import { slugify, uniqueLinkNameAmong } from '../domain/clubs/club-link-name.js';
import { clubSummary } from '../domain/clubs/club-summary.js';
import {
  type DemoClub,
  type DemoEvent,
  type DemoRecruitingEvent,
  demoClubsSchema,
} from './demo-clubs.schema.js';

/** Resolves from src/seed (tests) and from dist/seed (processes) alike: the data stays in src. */
export const DEMO_CLUBS_FILE = fileURLToPath(new URL('../../src/seed/demo-clubs.json', import.meta.url));

/** The demo data set ships with the source; a build without it (a service image) has nothing to load. */
export const demoClubsAvailable = (file = DEMO_CLUBS_FILE) => existsSync(file);

/** Demo clubs belong to no account: auth ignores owners that are not its UUIDs. */
export const demoOwnerId = (club: Pick<DemoClub, 'name'>) => `demo-${slugify(club.name)}`.slice(0, 64);

type DayRange = { start_offset_days: number; end_offset_days: number } | null;

/** The data set's relative days and campus wall-clock times, as instants around `now`'s campus day. */
function demoCalendar(now: DateTime) {
  const today = now.startOf('day');
  const range = (days: DayRange) =>
    days
      ? {
          start: today.plus({ days: days.start_offset_days }),
          end: today.plus({ days: days.end_offset_days }).set({ hour: 23, minute: 59, second: 59 }),
        }
      : null;
  const isOpen = (window: ReturnType<typeof range>) =>
    window !== null && window.start <= now && now < window.end;
  const times = (item: DemoEvent | DemoRecruitingEvent) => {
    const [hour, minute] = item.start_time.split(':').map(Number);
    const start = today.plus({ days: item.start_offset_days }).set({ hour, minute });
    return {
      eventStart: start.toJSDate(),
      eventEnd: start.plus({ minutes: item.duration_minutes }).toJSDate(),
    };
  };
  return { range, isOpen, times };
}

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

    const rows: NewClub[] = fresh.map((demo) => {
      const recruiting = calendar.range(demo.recruiting);
      const applications = calendar.range(demo.application_deadline);
      return {
        ownerUserId: demoOwnerId(demo),
        ownerEmail: demo.social_media_links.contact_email,
        name: demo.name,
        linkName: uniqueLinkNameAmong(demo.name, linkNames),
        // Tag names an admin has since renamed or deleted are dropped rather than failing the load.
        tags: demo.tags.flatMap((name) => tagIds.get(name) ?? []),
        numUsers: sizeIds.get(demo.num_users) ?? 0,
        appRequired: demo.app_required,
        newMembers: calendar.isOpen(demo.app_required ? applications : recruiting),
        aboutUs: demo.about_us,
        getInvolved: demo.get_involved,
        applyLink: demo.apply_link,
        recruitingStart: recruiting?.start.toJSDate() ?? null,
        recruitingEnd: recruiting?.end.toJSDate() ?? null,
        applyDeadlineStart: applications?.start.toJSDate() ?? null,
        applyDeadlineEnd: applications?.end.toJSDate() ?? null,
        socialMediaLinks: demo.social_media_links,
        confirmed: true,
        reactivated: true,
        reactivatedLast: now.toJSDate(),
      };
    });
    const clubs = await bulk.insertClubs(rows);
    const demoOf = new Map(fresh.map((demo) => [demoOwnerId(demo), demo]));
    const withDemo = clubs.map((club) => ({ club, demo: demoOf.get(club.ownerUserId) as DemoClub }));

    await bulk.insertEvents(
      withDemo.flatMap(({ club, demo }) => [
        ...demo.events.map((event) => ({
          ...eventRow(event, calendar.times(event)),
          clubId: club.id,
          kind: 'event' as const,
        })),
        ...demo.recruiting_events.map((event) => ({
          ...eventRow(event, calendar.times(event)),
          virtualLink: event.virtual_link,
          clubId: club.id,
          kind: 'recruiting' as const,
        })),
      ]),
    );
    await bulk.insertResources(
      withDemo.flatMap(({ club, demo }) => demo.resources.map((r) => ({ ...r, clubId: club.id }))),
    );
    await bulk.insertFaq(
      withDemo.flatMap(({ club, demo }) => demo.faq.map((q) => ({ ...q, clubId: club.id }))),
    );
    await outbox.append(
      tx,
      clubs.map((club) =>
        makeEvent(
          ClubCreatedV1,
          { clubId: club.id, ownerUserId: club.ownerUserId, club: clubSummary(club) },
          'catalog',
        ),
      ),
    );
    await bulk.analyze();
    return clubs.length;
  });
}

const eventRow = (
  event: DemoEvent | DemoRecruitingEvent,
  times: Pick<NewClubEvent, 'eventStart' | 'eventEnd'>,
): NewClubEvent => ({
  name: event.name,
  description: event.description,
  location: event.location,
  links: event.links,
  inviteOnly: event.invite_only,
  ...times,
});
