import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { repositories } from '../../data-access/repositories.js';
import { lockStudentProfile } from '../../data-access/student-profile-lock.js';
import { announceStudentProfile } from './announce-student-profile.js';
import { clubsByLinkNames } from './clubs-by-link-names.js';
import { favoriteClubs } from './favorite-clubs.js';
import { ensureStudentProfile, type Student } from './student-identity.js';

type Ctx = { db: Db; outbox: Outbox };

/** Removes every club named (upstream skipped neighbours while deleting from the list it iterated). */
export async function removeFavoriteClubs(ctx: Ctx, student: Student, linkNames: string[]) {
  await ctx.outbox.transaction(async (tx) => {
    const repos = repositories(tx);
    await ensureStudentProfile(repos, student);
    await lockStudentProfile(tx, student.userId);
    const clubs = await clubsByLinkNames(repos, linkNames, { visibleOnly: false });
    const current = new Set((await repos.students.favoriteClubs(student.userId)).map((club) => club.id));
    const removed = clubs.filter((club) => current.has(club.id));
    await repos.students.removeFavorites(
      student.userId,
      removed.map((club) => club.id),
    );
    await announceStudentProfile(
      tx,
      ctx.outbox,
      student.userId,
      removed.length > 0 ? ['favorite_clubs'] : [],
    );
  });
  return favoriteClubs(ctx.db, student);
}
