import type { DbOrTx } from '@sproul/common/db';
import { and, asc, desc, eq, inArray, max, notInArray, sql } from 'drizzle-orm';
import type { Club } from './club-repository.js';
import {
  clubs,
  studentBoardEntries,
  studentFavoriteClubs,
  studentProfiles,
  studentVisitedClubs,
} from './schema.js';

export type StudentProfile = typeof studentProfiles.$inferSelect;
export type NewStudentProfile = typeof studentProfiles.$inferInsert;
export type BoardColumn = (typeof studentBoardEntries.$inferSelect)['column'];
export const BOARD_COLUMNS: BoardColumn[] = ['interested_clubs', 'applied_clubs', 'interviewed_clubs'];

/** Upstream kept every visit forever; the most recent ones are all anything reads. */
export const MAX_VISITED_CLUBS = 50;

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

  /** The club board, each column in the student's order. */
  async board(userId: string): Promise<Record<BoardColumn, Club[]>> {
    const rows = await db
      .select({ column: studentBoardEntries.column, club: clubs })
      .from(studentBoardEntries)
      .innerJoin(clubs, eq(clubs.id, studentBoardEntries.clubId))
      .where(eq(studentBoardEntries.studentId, userId))
      .orderBy(asc(studentBoardEntries.position));
    const board: Record<BoardColumn, Club[]> = {
      interested_clubs: [],
      applied_clubs: [],
      interviewed_clubs: [],
    };
    for (const row of rows) board[row.column].push(row.club);
    return board;
  },

  /** Replaces the whole board; a column may be empty. */
  async replaceBoard(userId: string, board: Record<BoardColumn, string[]>) {
    await db.delete(studentBoardEntries).where(eq(studentBoardEntries.studentId, userId));
    const values = BOARD_COLUMNS.flatMap((column) =>
      [...new Set(board[column])].map((clubId, position) => ({
        studentId: userId,
        clubId,
        column,
        position,
      })),
    );
    if (values.length > 0) await db.insert(studentBoardEntries).values(values);
  },

  /** Records a visit, keeping only the most recent MAX_VISITED_CLUBS clubs. */
  async recordVisit(userId: string, clubId: string) {
    await db
      .insert(studentVisitedClubs)
      .values({ studentId: userId, clubId })
      .onConflictDoUpdate({
        target: [studentVisitedClubs.studentId, studentVisitedClubs.clubId],
        set: { visitedAt: sql`now()`, visits: sql`${studentVisitedClubs.visits} + 1` },
      });
    const keep = db
      .select({ clubId: studentVisitedClubs.clubId })
      .from(studentVisitedClubs)
      .where(eq(studentVisitedClubs.studentId, userId))
      .orderBy(desc(studentVisitedClubs.visitedAt), desc(studentVisitedClubs.clubId))
      .limit(MAX_VISITED_CLUBS);
    await db
      .delete(studentVisitedClubs)
      .where(and(eq(studentVisitedClubs.studentId, userId), notInArray(studentVisitedClubs.clubId, keep)));
  },

  /** Visited clubs, most recent first. */
  async visitedClubs(userId: string): Promise<Club[]> {
    const rows = await db
      .select({ club: clubs })
      .from(studentVisitedClubs)
      .innerJoin(clubs, eq(clubs.id, studentVisitedClubs.clubId))
      .where(eq(studentVisitedClubs.studentId, userId))
      .orderBy(desc(studentVisitedClubs.visitedAt), desc(studentVisitedClubs.clubId));
    return rows.map((row) => row.club);
  },
});

export type StudentProfileRepository = ReturnType<typeof studentProfileRepository>;
