import type { Tx } from '@sproul/common/db';
import { EmailRequestedV1, makeEvent } from '@sproul/common/events';
import type { Club } from '../../data-access/club-repository.js';
import { type ClubEvent, rsvpRepository } from '../../data-access/rsvp-repository.js';
import type { EngagementContext } from '../engagement-context.js';
import { seatedStatuses } from '../rsvp-moves.js';
import { applyRsvpMove } from './apply-rsvp-move.js';
import { ticketOf } from './tickets.js';

/**
 * Fills free seats from the waitlist, earliest first, in the caller's transaction (which holds the
 * event's lock): each promoted student moves to `going` (by the platform) and is emailed their ticket
 * through the outbox. Answers the ids promoted, in order.
 */
export async function promoteWaitlist(ctx: EngagementContext, tx: Tx, club: Club, event: ClubEvent) {
  if (event.cancelled) return [];
  const repo = rsvpRepository(tx);
  const free =
    event.capacity === null ? 10_000 : event.capacity - (await repo.countIn(event.id, seatedStatuses));
  if (free <= 0) return [];
  const promoted: string[] = [];
  for (const next of await repo.headOfWaitlist(event.id, free)) {
    const row = await applyRsvpMove(
      tx,
      ctx.outbox,
      { from: 'waitlisted', to: 'going', side: 'platform' },
      () => repo.move(next.id, 'waitlisted', 'going', ctx.clock(), { queueNo: null }),
    );
    if (!row) continue;
    promoted.push(row.id);
    await ctx.outbox.append(tx, [
      makeEvent(
        EmailRequestedV1,
        {
          to: row.email,
          template: 'rsvp-promoted',
          variables: {
            event_name: event.name,
            club_name: club.name.slice(0, 2000),
            starts_at: event.startsAt.toISOString(),
            location: event.location,
            ticket_url: ticketOf(ctx.config, row.id, row.eventId).qr_url,
          },
          userId: row.accountId,
        },
        'engagement',
      ),
    ]);
  }
  return promoted;
}
