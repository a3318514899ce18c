import type { DateTime } from 'luxon';
import type { NewClubEvent } from '../data-access/club-event-repository.js';
import type { NewClub } from '../data-access/club-repository.js';
import { slugify, uniqueLinkNameAmong } from '../domain/clubs/club-link-name.js';
import type { DemoCalendar } from './demo-calendar.js';
import type { DemoClub, DemoEvent, DemoRecruitingEvent } from './demo-clubs.schema.js';

/** Demo clubs belong to no account: auth ignores owners that are not its UUIDs. */
export const demoOwnerId = (club: Pick<DemoClub, 'name'>) => `demo-${slugify(club.name)}`.slice(0, 64);

/** What a demo club's row needs beyond the demo: the tag and size ids, and the link names taken so far. */
export interface DemoClubLookups {
  now: DateTime;
  calendar: DemoCalendar;
  tagIds: Map<string, number>;
  sizeIds: Map<string, number>;
  linkNames: Set<string>;
}

export function demoClubRow(
  demo: DemoClub,
  { now, calendar, tagIds, sizeIds, linkNames }: DemoClubLookups,
): NewClub {
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
}

/** A demo club's events and recruiting events, as rows of the club `clubId`. */
export const demoEventRows = (clubId: string, demo: DemoClub, calendar: DemoCalendar) => [
  ...demo.events.map((event) => ({
    ...eventRow(event, calendar.times(event)),
    clubId,
    kind: 'event' as const,
  })),
  ...demo.recruiting_events.map((event) => ({
    ...eventRow(event, calendar.times(event)),
    virtualLink: event.virtual_link,
    clubId,
    kind: 'recruiting' as const,
  })),
];

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
