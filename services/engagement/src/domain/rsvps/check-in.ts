import type { AccessClaims } from '@sproul/common/auth';
import type { Tx } from '@sproul/common/db';
import { CheckedInV1, makeEvent, type RsvpStatus } from '@sproul/common/events';
import type { Club } from '../../data-access/club-repository.js';
import { type ClubEvent, type Rsvp, rsvpRepository } from '../../data-access/rsvp-repository.js';
import { alreadyCheckedIn, badTicket, invalidRsvpMove } from '../../errors.js';
import { clubForOfficer } from '../clubs/club-access.js';
import type { EngagementContext } from '../engagement-context.js';
import { allowedRsvpMoves } from '../rsvp-moves.js';
import { applyRsvpMove } from './apply-rsvp-move.js';
import { lockedEvent } from './rsvps.js';
import { readTicket } from './tickets.js';

export type CheckIn = { payload: string; again?: boolean } | { email: string; again?: boolean };

/**
 * An officer checks someone in at the door: a scanned ticket (its signature and event must match
 * this event, else 422), or a walk-in by email (their RSVP if they have one; else a walk-in record,
 * with their account when the address is a known student's). A second check-in is a 409 unless
 * `again` (a re-entry, counted). Publishes CheckedIn.
 */
export async function checkIn(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  eventId: string,
  input: CheckIn,
) {
  return ctx.outbox.transaction(async (tx) => {
    const club = await clubForOfficer(tx, linkName, claims, 'write');
    const repo = rsvpRepository(tx);
    const event = await lockedEvent(tx, club, eventId);
    const again = input.again === true;
    if ('payload' in input) {
      const ticket = readTicket(ctx.config, input.payload);
      if (!ticket || ticket.eventId !== event.id) throw badTicket();
      const rsvp = await repo.find(ticket.rsvpId);
      if (!rsvp || rsvp.eventId !== event.id) throw badTicket();
      return admit(ctx, tx, club, event, rsvp, again);
    }
    const email = input.email.trim();
    const person = await repo.personByEmail(email);
    const rsvp =
      (await repo.findByEmail(event.id, email)) ??
      (person ? await repo.findFor(event.id, person.accountId) : undefined);
    if (rsvp) return admit(ctx, tx, club, event, rsvp, again);
    const now = ctx.clock();
    const row = await applyRsvpMove(tx, ctx.outbox, { from: 'none', to: 'checked_in', side: 'officer' }, () =>
      repo.create({
        id: crypto.randomUUID(),
        eventId: event.id,
        clubId: club.id,
        accountId: person?.accountId ?? null,
        email: person?.email ?? email,
        name: person?.name ?? null,
        status: 'checked_in',
        queueNo: null,
        checkIns: 1,
        walkIn: true,
        createdAt: now,
        updatedAt: now,
      }),
    );
    if (!row) throw invalidRsvpMove('checked_in', []);
    return published(ctx, tx, event, row);
  });
}

/** Checks in someone with an RSVP: going → checked_in, or a counted re-entry with `again`. */
async function admit(
  ctx: EngagementContext,
  tx: Tx,
  _club: Club,
  event: ClubEvent,
  rsvp: Rsvp,
  again: boolean,
) {
  const from = rsvp.status as RsvpStatus;
  if (from === 'checked_in' && !again) throw alreadyCheckedIn(rsvp.checkIns);
  if (from !== 'going' && from !== 'checked_in')
    throw invalidRsvpMove(from, allowedRsvpMoves(from, 'officer'));
  const row = await applyRsvpMove(tx, ctx.outbox, { from, to: 'checked_in', side: 'officer' }, () =>
    rsvpRepository(tx).move(rsvp.id, from, 'checked_in', ctx.clock(), { checkIns: rsvp.checkIns + 1 }),
  );
  if (!row) throw alreadyCheckedIn(rsvp.checkIns);
  return published(ctx, tx, event, row);
}

async function published(ctx: EngagementContext, tx: Tx, event: ClubEvent, row: Rsvp) {
  await ctx.outbox.append(tx, [
    makeEvent(
      CheckedInV1,
      {
        eventId: event.id,
        clubId: event.clubId,
        accountId: row.accountId,
        email: row.email,
        count: row.checkIns,
        walkIn: row.walkIn,
      },
      'engagement',
    ),
  ]);
  return {
    name: row.name,
    email: row.email,
    count: row.checkIns,
    status: 'checked_in' as const,
    walk_in: row.walkIn,
  };
}
