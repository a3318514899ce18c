import type { Tx } from '@sproul/common/db';
import {
  ClubMembersCountedV1,
  MembershipChangedV1,
  type MembershipStatus,
  makeEvent,
} from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import { clubRepository } from '../../data-access/club-repository.js';
import { type Membership, membershipRepository } from '../../data-access/membership-repository.js';
import { type From, followUp, type Side } from '../membership-moves.js';

const SOURCE = 'engagement';

export interface Actor {
  side: Side;
  id: string | null;
}

const touchesMembers = (from: From, to: MembershipStatus) => from === 'member' || to === 'member';

/**
 * Records a move already checked against the table, its event, the platform's follow-up move
 * (accepted → member) and the club's new member count, all in the caller's transaction.
 * `write` performs the row change itself (an insert or a conditional update) and answers the row, or
 * undefined when another move got there first.
 */
export async function applyMove(
  tx: Tx,
  outbox: Outbox,
  move: { from: From; to: MembershipStatus; actor: Actor; note: string | null; at: Date },
  clubId: string,
  write: () => Promise<Membership | undefined>,
): Promise<Membership | undefined> {
  const next = followUp(move.to);
  const countChanges = touchesMembers(move.from, move.to) || (next && touchesMembers(move.to, next.to));
  // Taken before the write, so that the count below sees every committed move before this one.
  if (countChanges) await clubRepository(tx).lockMemberCount(clubId);
  let row = await write();
  if (!row) return undefined;
  const memberships = membershipRepository(tx);
  const events = [];
  const steps: { from: From; to: MembershipStatus; actor: Actor; note: string | null }[] = [move];
  if (next) {
    row = await memberships.move(row.id, move.to, next.to, move.at);
    if (!row) return undefined;
    steps.push({ from: move.to, to: next.to, actor: { side: 'platform', id: null }, note: null });
  }
  for (const step of steps) {
    await memberships.record(row.id, step.from, step.to, step.actor.side, step.actor.id, step.note, move.at);
    events.push(
      makeEvent(
        MembershipChangedV1,
        {
          membershipId: row.id,
          clubId,
          accountId: row.accountId,
          status: step.to,
          previousStatus: step.from === 'none' ? null : step.from,
          movedBy: step.actor.side,
        },
        SOURCE,
      ),
    );
  }
  if (countChanges) events.push(await membersCounted(tx, clubId));
  await outbox.append(tx, events);
  return row;
}

/** The club's member count now, as the event the catalog shows it from. */
export async function membersCounted(tx: Tx, clubId: string) {
  const members = await membershipRepository(tx).memberCount(clubId);
  return makeEvent(ClubMembersCountedV1, { clubId, members }, SOURCE);
}
