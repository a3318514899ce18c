import type { Tx } from '@sproul/common/db';
import { makeEvent, StudentProfileUpdatedV1 } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import { repositories } from '../../data-access/repositories.js';

/**
 * Appends StudentProfileUpdated (the whole current state) in the transaction of the change, so the
 * recommender learns of it exactly when it commits. Nothing changed: nothing is published.
 */
export async function announceStudentProfile(tx: Tx, outbox: Outbox, userId: string, changed: string[]) {
  if (changed.length === 0) return;
  const repos = repositories(tx);
  const profile = await repos.students.find(userId);
  if (!profile) return;
  const favorites = await repos.students.favoriteClubs(userId);
  await outbox.append(tx, [
    makeEvent(
      StudentProfileUpdatedV1,
      {
        userId,
        changed,
        interests: profile.interests,
        majors: profile.majors,
        minors: profile.minors,
        year: profile.year,
        favoriteClubIds: favorites.map((club) => club.id),
      },
      'catalog',
    ),
  ]);
}
