import type { DbOrTx } from '@sproul/common/db';
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Club } from './club-repository.js';
import { clubs, studentFavoriteClubs } from './schema.js';

/** A student's favourite clubs, in the student's order. */
export const studentFavoritesRepository = (db: DbOrTx) => ({
  /** Favourite clubs in the student's order. */
  async favoriteClubs(userId: string): Promise<Club[]> {
    const rows = await db
      .select({ club: clubs })
      .from(studentFavoriteClubs)
      .innerJoin(clubs, eq(clubs.id, studentFavoriteClubs.clubId))
      .where(eq(studentFavoriteClubs.studentId, userId))
      .orderBy(asc(studentFavoriteClubs.position));
    return rows.map((row) => row.club);
  },

  /** Appends the clubs not yet among the favourites, keeping the given order. */
  async addFavorites(userId: string, clubIds: string[]) {
    const [last] = await db
      .select({ position: max(studentFavoriteClubs.position) })
      .from(studentFavoriteClubs)
      .where(eq(studentFavoriteClubs.studentId, userId));
    let position = (last?.position ?? -1) + 1;
    const values = [...new Set(clubIds)].map((clubId) => ({
      studentId: userId,
      clubId,
      position: position++,
    }));
    if (values.length === 0) return;
    await db.insert(studentFavoriteClubs).values(values).onConflictDoNothing();
  },

  async removeFavorites(userId: string, clubIds: string[]) {
    if (clubIds.length === 0) return;
    await db
      .delete(studentFavoriteClubs)
      .where(and(eq(studentFavoriteClubs.studentId, userId), inArray(studentFavoriteClubs.clubId, clubIds)));
  },
});
