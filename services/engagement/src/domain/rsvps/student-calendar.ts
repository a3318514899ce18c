import { randomBytes } from 'node:crypto';
import type { AccessClaims } from '@sproul/common/auth';
import type { RsvpStatus } from '@sproul/common/events';
import { clubRepository } from '../../data-access/club-repository.js';
import { rsvpRepository } from '../../data-access/rsvp-repository.js';
import { calendarNotFound } from '../../errors.js';
import type { EngagementContext } from '../engagement-context.js';
import { attendingStatuses } from '../rsvp-moves.js';
import { calendarOf, type FeedEvent } from './ical.js';

/** A feed token: 32 random bytes, base64url (the URL is the credential, as calendar apps send no token). */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The student's personal feed URL, made on first ask and the same afterwards. */
export async function calendarUrl(ctx: EngagementContext, claims: AccessClaims) {
  const token = await rsvpRepository(ctx.db).ensureFeedToken(
    claims.sub,
    randomBytes(32).toString('base64url'),
  );
  return { url: new URL(`/api/student/calendar/${token}.ics`, ctx.config.PUBLIC_BASE_URL).href };
}

/** The events the feed's student RSVPed to (going, waitlisted, checked in); cancelled ones marked. */
export async function calendarFeed(ctx: EngagementContext, token: string) {
  const repo = rsvpRepository(ctx.db);
  const accountId = FEED_TOKEN.test(token) ? await repo.feedOwner(token) : undefined;
  if (!accountId) throw calendarNotFound();
  const clubs = clubRepository(ctx.db);
  const names = new Map<string, string | null>();
  const events: FeedEvent[] = [];
  for (const { rsvp, event } of await repo.ofAccount(accountId)) {
    if (!attendingStatuses.includes(rsvp.status as RsvpStatus)) continue;
    if (!names.has(event.clubId)) names.set(event.clubId, (await clubs.findById(event.clubId))?.name ?? null);
    events.push({ ...event, clubName: names.get(event.clubId) ?? null });
  }
  return calendarOf('My sproul.club events', events, ctx.clock());
}
