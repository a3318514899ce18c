import { ClubOfficerChangedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { clubOwnerRepository } from '../../data-access/club-owner-repository.js';
import { clubRepository } from '../../data-access/club-repository.js';

/**
 * The club's owner follows auth's team: ownership transfers (and the registration grant) move
 * `owner_user_id`, so deleting the new owner's account deletes the club and deleting the old one's does not.
 *
 * Auth orders ClubOfficerChanged per (club, account) pair, not per club: a transfer X→Y publishes
 * (Y, owner) and (X, officer), which may arrive in either order, and of two quick transfers X→Y→X the
 * second's (X, owner) may even arrive before the first's (Y, owner). So each pair's latest word is kept
 * (`club_owner_grants`; the kernel skips a pair's older events), an `owner` makes that account the
 * owner at once ("this account is now owner"), and an `officer` or end is ignored unless it demotes
 * the current owner, who then gives way to another pair still saying `owner` — or stays until that
 * pair's event arrives. Whatever the order, once every event is in, exactly one pair says `owner`
 * (auth's state) and the club's owner is that account: a late `owner` is always followed, on its own
 * pair, by the `officer` that demotes it again.
 */
export const followOwnerWhenClubOfficerChanged = () =>
  on(ClubOfficerChangedV1, async (event, tx) => {
    const { clubId, accountId, email, role } = event.data;
    // Locked: concurrent changes of one club's team apply in turn.
    const club = await clubRepository(tx).findByIdForUpdate(clubId);
    if (!club) return; // deleted since (or never the catalog's): nothing to own
    const owners = clubOwnerRepository(tx);
    if (role === 'owner') {
      await owners.recordOwner(clubId, accountId, email);
      if (club.ownerUserId !== accountId || club.ownerEmail !== email)
        await owners.setOwner(clubId, accountId, email);
      return;
    }
    await owners.forgetOwner(clubId, accountId);
    if (club.ownerUserId !== accountId) return;
    const [next] = await owners.ownersOf(clubId);
    if (next) await owners.setOwner(clubId, next.accountId, next.email);
  });
