import type { DbOrTx } from '@sproul/common/db';
import { eq } from 'drizzle-orm';
import { studentProfiles } from './schema.js';
import { studentBoardRepository } from './student-board-repository.js';
import { studentFavoritesRepository } from './student-favorites-repository.js';
import { studentVisitsRepository } from './student-visits-repository.js';

export { BOARD_COLUMNS, type BoardColumn } from './student-board-repository.js';

export type StudentProfile = typeof studentProfiles.$inferSelect;
export type NewStudentProfile = typeof studentProfiles.$inferInsert;

/** A student's profile, with its favourites, board and visits (each kept in its own repository file). */
export const studentProfileRepository = (db: DbOrTx) => ({
  async find(userId: string): Promise<StudentProfile | undefined> {
    const [row] = await db.select().from(studentProfiles).where(eq(studentProfiles.userId, userId));
    return row;
  },

  /** Creates the profile, or leaves an existing one as it is; returns the stored profile. */
  async ensure(profile: NewStudentProfile): Promise<StudentProfile> {
    await db.insert(studentProfiles).values(profile).onConflictDoNothing({ target: studentProfiles.userId });
    const [row] = await db.select().from(studentProfiles).where(eq(studentProfiles.userId, profile.userId));
    return row as StudentProfile;
  },

  async update(
    userId: string,
    changes: Partial<Omit<NewStudentProfile, 'userId' | 'createdAt'>>,
  ): Promise<StudentProfile | undefined> {
    const [row] = await db
      .update(studentProfiles)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(studentProfiles.userId, userId))
      .returning();
    return row;
  },

  /** Deletes the profile with its favourites, board and visits; false when there was none. */
  async delete(userId: string): Promise<boolean> {
    const removed = await db
      .delete(studentProfiles)
      .where(eq(studentProfiles.userId, userId))
      .returning({ userId: studentProfiles.userId });
    return removed.length > 0;
  },

  ...studentFavoritesRepository(db),
  ...studentBoardRepository(db),
  ...studentVisitsRepository(db),
});

export type StudentProfileRepository = ReturnType<typeof studentProfileRepository>;
