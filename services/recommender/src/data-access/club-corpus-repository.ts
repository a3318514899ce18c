import type { Db } from '@sproul/common/db';
import { eq } from 'drizzle-orm';
import { clubs } from './schema.js';

export type CorpusClub = typeof clubs.$inferSelect;

export function clubCorpusRepository(db: Db) {
  return {
    async upsert(club: Omit<CorpusClub, 'updatedAt'>) {
      // A renamed club keeps its id; a link name freed by another club's rename may be taken over.
      await db.delete(clubs).where(eq(clubs.linkName, club.linkName));
      await db
        .insert(clubs)
        .values({ ...club, updatedAt: new Date() })
        .onConflictDoUpdate({ target: clubs.clubId, set: { ...club, updatedAt: new Date() } });
    },
    async remove(clubId: string) {
      await db.delete(clubs).where(eq(clubs.clubId, clubId));
    },
    all: (): Promise<CorpusClub[]> => db.select().from(clubs),
  };
}
