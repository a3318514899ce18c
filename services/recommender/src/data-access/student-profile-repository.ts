import type { Db } from '@sproul/common/db';
import { eq, sql } from 'drizzle-orm';
import { studentProfiles } from './schema.js';

export type StudentProfile = typeof studentProfiles.$inferSelect;

export function studentProfileRepository(db: Db) {
  return {
    async upsert(profile: Omit<StudentProfile, 'updatedAt'>) {
      await db
        .insert(studentProfiles)
        .values({ ...profile, updatedAt: new Date() })
        .onConflictDoUpdate({ target: studentProfiles.userId, set: { ...profile, updatedAt: new Date() } });
    },
    async remove(userId: string) {
      await db.delete(studentProfiles).where(eq(studentProfiles.userId, userId));
    },
    async find(userId: string): Promise<StudentProfile | undefined> {
      const [row] = await db.select().from(studentProfiles).where(eq(studentProfiles.userId, userId));
      return row;
    },
    /** How many students follow each club: the popularity that ranks clubs for a student with no history. */
    async followers(): Promise<Map<string, number>> {
      const rows = await db
        .select({
          clubId: sql<string>`unnest(${studentProfiles.favoriteClubIds})`,
          count: sql<number>`count(*)::int`,
        })
        .from(studentProfiles)
        .groupBy(sql`1`);
      return new Map(rows.map((row) => [row.clubId, Number(row.count)]));
    },
    /** Per club, how many students of this major follow it. */
    async followersWithMajor(major: number): Promise<Map<string, number>> {
      const rows = await db
        .select({
          clubId: sql<string>`unnest(${studentProfiles.favoriteClubIds})`,
          count: sql<number>`count(*)::int`,
        })
        .from(studentProfiles)
        .where(sql`${major} = any(${studentProfiles.majors})`)
        .groupBy(sql`1`);
      return new Map(rows.map((row) => [row.clubId, Number(row.count)]));
    },
  };
}
