import type { Tx } from '@sproul/common/db';
import { makeEvent, RsvpChangedV1, type RsvpStatus } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import type { Rsvp } from '../../data-access/rsvp-repository.js';
import type { RsvpFrom, RsvpSide } from '../rsvp-moves.js';

/**
 * Records an RSVP move already checked against the table: `write` makes the row change (an insert or
 * a conditional update) and answers the row, or undefined when another move got there first; the
 * RsvpChanged event goes in the same transaction. A walk-in nobody knows (no account) has no RSVP to
 * announce: its check-in is published as CheckedIn alone.
 */
export async function applyRsvpMove(
  tx: Tx,
  outbox: Outbox,
  move: { from: RsvpFrom; to: RsvpStatus; side: RsvpSide },
  write: () => Promise<Rsvp | undefined>,
): Promise<Rsvp | undefined> {
  const row = await write();
  if (!row?.accountId) return row;
  await outbox.append(tx, [
    makeEvent(
      RsvpChangedV1,
      {
        rsvpId: row.id,
        eventId: row.eventId,
        clubId: row.clubId,
        accountId: row.accountId,
        status: move.to,
        previousStatus: move.from === 'none' ? null : move.from,
        movedBy: move.side,
      },
      'engagement',
    ),
  ]);
  return row;
}
