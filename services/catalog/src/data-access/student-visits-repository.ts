import type { DbOrTx } from '@sproul/common/db';
import { and, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { Club } from './club-repository.js';
import { clubs, studentVisitedClubs } from './schema.js';

/** Upstream kept every visit forever; the most recent ones are all anything reads. */
export const MAX_VISITED_CLUBS = 50;

/** The clubs a student opened, most recent first. */
export const studentVisitsRepository = (db: DbOrTx) => ({
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
