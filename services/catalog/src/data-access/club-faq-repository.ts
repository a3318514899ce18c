import type { DbOrTx } from '@sproul/common/db';
import { and, asc, eq } from 'drizzle-orm';
import { clubFaq } from './schema.js';

export type ClubQuestion = typeof clubFaq.$inferSelect;
export type NewClubQuestion = { question: string; answer: string };

/** A club's FAQ, in the order the questions were added. */
export const clubFaqRepository = (db: DbOrTx) => ({
  async list(clubId: string): Promise<ClubQuestion[]> {
    return db.select().from(clubFaq).where(eq(clubFaq.clubId, clubId)).orderBy(asc(clubFaq.seq));
  },

  async add(clubId: string, question: NewClubQuestion): Promise<ClubQuestion> {
    const [row] = await db
      .insert(clubFaq)
      .values({ ...question, clubId })
      .returning();
    return row as ClubQuestion;
  },

  async addMany(clubId: string, questions: NewClubQuestion[]) {
    if (questions.length === 0) return;
    await db.insert(clubFaq).values(questions.map((question) => ({ ...question, clubId })));
  },

  /** Undefined when the club has no such question. */
  async update(
    clubId: string,
    id: string,
    changes: Partial<NewClubQuestion>,
  ): Promise<ClubQuestion | undefined> {
    const [row] = await db
      .update(clubFaq)
      .set(changes)
      .where(and(eq(clubFaq.clubId, clubId), eq(clubFaq.id, id)))
      .returning();
    return row;
  },

  /** False when the club has no such question. */
  async remove(clubId: string, id: string): Promise<boolean> {
    const removed = await db
      .delete(clubFaq)
      .where(and(eq(clubFaq.clubId, clubId), eq(clubFaq.id, id)))
      .returning({ id: clubFaq.id });
    return removed.length > 0;
  },
});
