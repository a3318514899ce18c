import { StudentProfileUpdatedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { studentProfileRepository } from '../../data-access/student-profile-repository.js';

/** The student's interests, majors and favourites, whole, as the catalog last announced them. */
export const keepStudentProfileWhenUpdated = () => [
  on(StudentProfileUpdatedV1, async (event, tx) => {
    const { userId, interests, majors, favoriteClubIds } = event.data;
    await studentProfileRepository(tx).upsert({ userId, interests, majors, favoriteClubIds });
  }),
];
