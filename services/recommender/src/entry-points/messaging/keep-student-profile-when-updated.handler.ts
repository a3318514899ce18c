import { AccountDeletedV1, StudentProfileUpdatedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { studentProfileRepository } from '../../data-access/student-profile-repository.js';
import type { Recommender } from '../../domain/recommender.js';

/**
 * The student's interests, majors and favourites, whole, as the catalog last announced them; gone
 * with their account.
 */
export const keepStudentProfileWhenUpdated = (recommender: Recommender) => [
  on(StudentProfileUpdatedV1, async (event, tx) => {
    const { userId, interests, majors, favoriteClubIds } = event.data;
    await studentProfileRepository(tx).upsert({ userId, interests, majors, favoriteClubIds });
    recommender.students.changed();
  }),
  on(AccountDeletedV1, async (event, tx) => {
    if (event.data.role !== 'student') return;
    await studentProfileRepository(tx).remove(event.data.userId);
    recommender.students.changed();
  }),
];
