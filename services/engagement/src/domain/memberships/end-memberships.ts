import type { Tx } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubRepository } from '../../data-access/club-repository.js';
import { membershipRepository } from '../../data-access/membership-repository.js';
import { messageRepository } from '../../data-access/message-repository.js';
import { peopleRepository } from '../../data-access/people-repository.js';
import { membersCounted } from './apply-move.js';

/**
 * A deleted club's memberships are deleted with it (and their history): there is no club left to be
 * a member of, a student's list should not show it, and the catalog drops the club's page and count
 * itself. No MembershipChanged follows: no status says "gone", and ClubDeleted already says it. Its
 * messages go too (nobody can read them behind a deleted link; their progress reports then match nothing).
 */
export async function endClub(tx: Tx, clubId: string, linkName: string) {
  await membershipRepository(tx).deleteOfClub(clubId);
  await messageRepository(tx).deleteOfClub(clubId);
  await clubRepository(tx).markDeleted(clubId, linkName);
}

/**
 * A deleted account's records go (its applications, answers and history are personal data, as is its
 * place on messages' recipient lists), and each club it was a member of publishes its new member count.
 */
export async function forgetAccount(tx: Tx, outbox: Outbox, accountId: string) {
  const memberships = membershipRepository(tx);
  // The count locks first, in one order, as a move takes its lock before its row: never a deadlock.
  const before = [...new Set(await memberships.memberClubsOf(accountId))].sort();
  for (const clubId of before) await clubRepository(tx).lockMemberCount(clubId);
  const clubs = [...new Set(await memberships.deleteOfStudent(accountId))].sort();
  await peopleRepository(tx).forget(accountId);
  await messageRepository(tx).forgetRecipient(accountId);
  await clubRepository(tx).removeOfficerEverywhere(accountId);
  const events = [];
  for (const clubId of clubs) {
    // A club the student joined between the two reads: its lock now (still before its count).
    if (!before.includes(clubId)) await clubRepository(tx).lockMemberCount(clubId);
    events.push(await membersCounted(tx, clubId));
  }
  await outbox.append(tx, events);
}
