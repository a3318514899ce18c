import { StudentProfileUpdatedV1, UserRegisteredV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { peopleRepository } from '../../data-access/people-repository.js';

/** Students' names and emails, for rosters and exports. */
export const keepPeopleWhenUserRegistered = () =>
  on(UserRegisteredV1, async ({ data }, tx) => {
    if (data.role !== 'student') return;
    await peopleRepository(tx).upsertPerson(data.userId, data.email, data.name);
  });

/** A student's year and majors: an application's defaults. */
export const keepProfileWhenStudentProfileUpdated = () =>
  on(StudentProfileUpdatedV1, async ({ data }, tx) =>
    peopleRepository(tx).upsertProfile(data.userId, data.year, data.majors),
  );
