import { AccountSnapshotV1, StudentProfileUpdatedV1, UserRegisteredV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { peopleRepository } from '../../data-access/people-repository.js';

/** Students' names and emails, for rosters and exports. */
export const keepPeopleWhenUserRegistered = () =>
  on(UserRegisteredV1, async ({ data }, tx) => {
    if (data.role !== 'student') return;
    await peopleRepository(tx).upsertPerson(data.userId, data.email, data.name);
  });

/**
 * Auth restating a student's account (its answer to the first start's replay request): the email as it
 * is now. The snapshot carries no name, so a name UserRegistered gave is kept (none for a student first
 * learnt of here: rosters show the email). A snapshot older than the account's deletion is skipped by
 * version, so a deleted student does not come back.
 */
export const keepPeopleWhenAccountSnapshot = () =>
  on(AccountSnapshotV1, async ({ data }, tx) => {
    if (data.role !== 'student') return;
    await peopleRepository(tx).upsertEmail(data.userId, data.email);
  });

/** A student's year and majors: an application's defaults. */
export const keepProfileWhenStudentProfileUpdated = () =>
  on(StudentProfileUpdatedV1, async ({ data }, tx) =>
    peopleRepository(tx).upsertProfile(data.userId, data.year, data.majors),
  );
