import type { AccessClaims } from '@sproul/common/auth';
import type { DbOrTx } from '@sproul/common/db';
import type { RsvpStatus } from '@sproul/common/events';
import { type Club, clubRepository } from '../../data-access/club-repository.js';
import { membershipRepository } from '../../data-access/membership-repository.js';
import { type RsvpSettings, rsvpRepository } from '../../data-access/rsvp-repository.js';
import {
  eventFull,
  eventNotFound,
  invalidRsvpMove,
  membersOnly,
  notClubOfficer,
  rsvpClosed,
  rsvpNotFound,
} from '../../errors.js';
import { clubForOfficer, findClub, isOfficerOf } from '../clubs/club-access.js';
import type { EngagementContext } from '../engagement-context.js';
import { allowedRsvpMoves, type RsvpFrom, type RsvpSide, seatedStatuses } from '../rsvp-moves.js';
import { applyRsvpMove } from './apply-rsvp-move.js';
import { promoteWaitlist } from './promote-waitlist.js';
import { countsOf, eventSummary, rsvpView, settingsView } from './rsvp-views.js';

/** The club and one of its events (a cancelled one included); else 404. */
export async function findEvent(db: DbOrTx, club: Club, eventId: string) {
  const event = await rsvpRepository(db).findEvent(club.id, eventId);
  if (!event) throw eventNotFound();
  return event;
}

/**
 * The club's event, read under its lock (held until the transaction ends): every change of seats,
 * waitlist or check-ins goes through here, so they happen one at a time per event. An id that is not
 * the club's is a 404 before anything is locked.
 */
export async function lockedEvent(tx: DbOrTx, club: Club, eventId: string) {
  await findEvent(tx, club, eventId);
  await rsvpRepository(tx).lockEvent(eventId);
  return findEvent(tx, club, eventId);
}

/** Officers set an event's capacity, waitlist, members-only and deadline; a raised capacity promotes. */
export async function saveRsvpSettings(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  eventId: string,
  settings: RsvpSettings,
) {
  return ctx.outbox.transaction(async (tx) => {
    const club = await clubForOfficer(tx, linkName, claims, 'write');
    const locked = await lockedEvent(tx, club, eventId);
    const event = (await rsvpRepository(tx).saveSettings(eventId, settings)) ?? locked;
    await promoteWaitlist(ctx, tx, club, event);
    return settingsView(event);
  });
}

/** Anyone: an event's settings and counts; with a token, the caller's own RSVP too. */
export async function rsvpOverview(
  ctx: EngagementContext,
  claims: AccessClaims | undefined,
  linkName: string,
  eventId: string,
) {
  const club = await findClub(ctx.db, linkName);
  const event = await findEvent(ctx.db, club, eventId);
  const mine = claims ? await rsvpRepository(ctx.db).findFor(event.id, claims.sub) : undefined;
  return {
    settings: settingsView(event),
    counts: await countsOf(ctx.db, event.id),
    mine: mine ? await rsvpView(ctx.db, ctx.config, mine) : null,
  };
}

/**
 * A student RSVPs (or RSVPs again after cancelling): `going` while seats are left, else `waitlisted`
 * (or 409 without a waitlist). Seats are counted under the event's lock, so concurrent RSVPs never
 * overbook and take waitlist places in the order they got the lock.
 */
export async function createRsvp(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  eventId: string,
) {
  return ctx.outbox.transaction(async (tx) => {
    const club = await findClub(tx, linkName);
    const repo = rsvpRepository(tx);
    const event = await lockedEvent(tx, club, eventId);
    const now = ctx.clock();
    if (event.cancelled) throw rsvpClosed('This event was cancelled');
    if (now > (event.rsvpDeadline ?? event.startsAt)) throw rsvpClosed('RSVPs for this event are closed');
    if (event.membersOnly) {
      const membership = await membershipRepository(tx).findFor(club.id, claims.sub);
      if (membership?.status !== 'member' && !(await isOfficerOf(tx, club, claims))) throw membersOnly();
    }
    const existing = await repo.findFor(event.id, claims.sub);
    const from: RsvpFrom = (existing?.status as RsvpStatus | undefined) ?? 'none';
    if (from !== 'none' && from !== 'cancelled') throw invalidRsvpMove(from, movesHere(from, 'student'));
    const seated = await repo.countIn(event.id, seatedStatuses);
    const to: RsvpStatus = event.capacity === null || seated < event.capacity ? 'going' : 'waitlisted';
    if (to === 'waitlisted' && !event.waitlist) throw eventFull();
    const queueNo = to === 'waitlisted' ? await repo.nextQueueNo(event.id) : null;
    const person = await repo.person(claims.sub);
    const email = person?.email ?? claims.email ?? `${claims.sub}@unknown.invalid`;
    const row = await applyRsvpMove(tx, ctx.outbox, { from, to, side: 'student' }, () =>
      existing
        ? repo.move(existing.id, 'cancelled', to, now, { queueNo, email, name: person?.name ?? null })
        : repo.create({
            id: crypto.randomUUID(),
            eventId: event.id,
            clubId: club.id,
            accountId: claims.sub,
            email,
            name: person?.name ?? null,
            status: to,
            queueNo,
            checkIns: 0,
            walkIn: false,
            createdAt: now,
            updatedAt: now,
          }),
    );
    if (!row) throw invalidRsvpMove('going', []);
    return { rsvp: await rsvpView(tx, ctx.config, row) };
  });
}

/**
 * A move through the status route: the student cancels; officers mark a no-show or check someone in.
 * The caller's side picks the allowed moves (the student's own side wins); a cancelled seat is given
 * to the waitlist in the same transaction.
 */
export async function changeRsvpStatus(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  eventId: string,
  rsvpId: string,
  to: RsvpStatus,
) {
  return ctx.outbox.transaction(async (tx) => {
    const club = await findClub(tx, linkName);
    const repo = rsvpRepository(tx);
    const event = await lockedEvent(tx, club, eventId);
    const rsvp = await repo.find(rsvpId);
    if (!rsvp || rsvp.eventId !== event.id) throw rsvpNotFound();
    const side: RsvpSide | undefined =
      rsvp.accountId === claims.sub
        ? 'student'
        : (await isOfficerOf(tx, club, claims))
          ? 'officer'
          : undefined;
    if (!side) throw notClubOfficer();
    const from = rsvp.status as RsvpStatus;
    if (!movesHere(from, side).includes(to)) throw invalidRsvpMove(from, movesHere(from, side));
    const checkIns = to === 'checked_in' ? rsvp.checkIns + 1 : rsvp.checkIns;
    const queueNo = to === 'cancelled' ? null : rsvp.queueNo;
    const row = await applyRsvpMove(tx, ctx.outbox, { from, to, side }, () =>
      repo.move(rsvp.id, from, to, ctx.clock(), { checkIns, queueNo }),
    );
    if (!row) throw invalidRsvpMove(from, []);
    if (from === 'going' && to === 'cancelled') await promoteWaitlist(ctx, tx, club, event);
    return { rsvp: await rsvpView(tx, ctx.config, row) };
  });
}

/**
 * Moves the status route makes: a student's (re-)RSVP is the create route's, a repeat check-in is the
 * check-in route's (it counts re-entries).
 */
const movesHere = (from: RsvpFrom, side: RsvpSide) =>
  allowedRsvpMoves(from, side).filter(
    (to) => !(side === 'student' && (to === 'going' || to === 'waitlisted')) && !(from === to),
  );

/** A student's own RSVPs, each with its event, its club and its ticket; soonest event first. */
export async function studentRsvps(ctx: EngagementContext, claims: AccessClaims) {
  const rows = await rsvpRepository(ctx.db).ofAccount(claims.sub);
  const clubs = clubRepository(ctx.db);
  const names = new Map<string, { link_name: string; name: string } | null>();
  const out = [];
  for (const { rsvp, event } of rows) {
    if (!names.has(event.clubId)) {
      const club = await clubs.findById(event.clubId);
      names.set(event.clubId, club && !club.deleted ? { link_name: club.linkName, name: club.name } : null);
    }
    out.push({
      ...(await rsvpView(ctx.db, ctx.config, rsvp)),
      event: eventSummary(event),
      club: names.get(event.clubId) ?? null,
    });
  }
  return out;
}
