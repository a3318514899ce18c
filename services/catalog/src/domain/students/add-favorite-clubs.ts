import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { repositories } from '../../data-access/repositories.js';
import { lockStudentProfile } from '../../data-access/student-profile-lock.js';
import { tooManyFavorites } from '../../errors.js';
import { announceStudentProfile } from './announce-student-profile.js';
import { clubsByLinkNames } from './clubs-by-link-names.js';
import { favoriteClubs, MAX_FAVORITES } from './favorite-clubs.js';
import { ensureStudentProfile, type Student } from './student-identity.js';

type Ctx = { db: Db; outbox: Outbox };

/** Appends clubs not yet favourites, keeping the order sent; unknown or hidden clubs are a 404. */
export async function addFavoriteClubs(ctx: Ctx, student: Student, linkNames: string[]) {
  await ctx.outbox.transaction(async (tx) => {
    const repos = repositories(tx);
    await ensureStudentProfile(repos, student);
    await lockStudentProfile(tx, student.userId);
    const clubs = await clubsByLinkNames(repos, linkNames, { visibleOnly: true });
    const current = new Set((await repos.students.favoriteClubs(student.userId)).map((club) => club.id));
    const added = clubs.filter((club) => !current.has(club.id));
    if (current.size + added.length > MAX_FAVORITES) {
      throw tooManyFavorites(MAX_FAVORITES);
    }
    await repos.students.addFavorites(
      student.userId,
      added.map((club) => club.id),
    );
    await announceStudentProfile(tx, ctx.outbox, student.userId, added.length > 0 ? ['favorite_clubs'] : []);
  });
  return favoriteClubs(ctx.db, student);
}
