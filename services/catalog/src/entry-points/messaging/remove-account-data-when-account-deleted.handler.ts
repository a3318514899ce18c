import { AccountDeletedV1 } from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { clubRepository } from '../../data-access/club-repository.js';
import { studentProfileRepository } from '../../data-access/student-profile-repository.js';
import { deleteClub } from '../../domain/clubs/delete-club.js';

/**
 * A deleted account takes along the clubs it owns now (ClubDeleted follows) — not the one it registered
 * if ownership moved on (ClubOfficerChanged) — and a student's profile. Any kind may own a club: a
 * student invited to a team can be handed it.
 */
export const removeAccountDataWhenAccountDeleted = (outbox: Outbox) =>
  on(AccountDeletedV1, async (event, tx) => {
    const { userId, role } = event.data;
    if (role === 'student') await studentProfileRepository(tx).delete(userId);
    for (const club of await clubRepository(tx).listByOwner(userId)) await deleteClub(tx, outbox, club);
  });
