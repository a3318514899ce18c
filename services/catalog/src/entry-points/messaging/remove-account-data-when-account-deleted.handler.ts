import { AccountDeletedV1 } from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { clubRepository } from '../../data-access/club-repository.js';
import { studentProfileRepository } from '../../data-access/student-profile-repository.js';
import { deleteClub } from '../../domain/clubs/delete-club.js';

/** A deleted officer takes their club along (ClubDeleted follows); a deleted student, their profile. */
export const removeAccountDataWhenAccountDeleted = (outbox: Outbox) =>
  on(AccountDeletedV1, async (event, tx) => {
    const { userId, role, clubId } = event.data;
    if (role === 'student') {
      await studentProfileRepository(tx).delete(userId);
      return;
    }
    const clubs = clubRepository(tx);
    const club = (clubId ? await clubs.findById(clubId) : undefined) ?? (await clubs.findByOwner(userId));
    if (club && club.ownerUserId === userId) await deleteClub(tx, outbox, club);
  });
