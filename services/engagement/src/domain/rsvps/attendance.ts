import type { AccessClaims } from '@sproul/common/auth';
import type { RsvpStatus } from '@sproul/common/events';
import { rsvpRepository } from '../../data-access/rsvp-repository.js';
import { clubForOfficer } from '../clubs/club-access.js';
import type { EngagementContext } from '../engagement-context.js';
import { toCsv } from '../roster/csv.js';
import { countsOf } from './rsvp-views.js';
import { findEvent } from './rsvps.js';

/** Officers (admins read): an event's counts by status and its RSVPs, optionally of some statuses. */
export async function attendance(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  eventId: string,
  statuses?: RsvpStatus[],
) {
  const club = await clubForOfficer(ctx.db, linkName, claims, 'read');
  const event = await findEvent(ctx.db, club, eventId);
  const repo = rsvpRepository(ctx.db);
  const [rows, positions] = await Promise.all([
    repo.listFor(event.id, statuses),
    repo.waitlistPositions(event.id),
  ]);
  return {
    event,
    counts: await countsOf(ctx.db, event.id),
    rsvps: rows.map((rsvp) => ({
      id: rsvp.id,
      name: rsvp.name,
      email: rsvp.email,
      status: rsvp.status as RsvpStatus,
      position: positions.get(rsvp.id) ?? null,
      check_ins: rsvp.checkIns,
      walk_in: rsvp.walkIn,
    })),
  };
}

/** The same list as CSV, formula-looking cells neutralised by the roster's CSV writer. */
export async function attendanceCsv(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  eventId: string,
  statuses?: RsvpStatus[],
) {
  const { event, rsvps } = await attendance(ctx, claims, linkName, eventId, statuses);
  const rows = [
    ['name', 'email', 'status', 'position', 'check_ins', 'walk_in'],
    ...rsvps.map((r) => [r.name, r.email, r.status, r.position, r.check_ins, r.walk_in]),
  ];
  return { fileName: `${linkName}-${event.id}-attendance.csv`, csv: toCsv(rows) };
}
