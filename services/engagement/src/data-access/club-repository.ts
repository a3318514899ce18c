import type { DbOrTx } from '@sproul/common/db';
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import { applicationQuestions, clubs, officers } from './schema.js';

export type Club = typeof clubs.$inferSelect;
export type Question = typeof applicationQuestions.$inferSelect;
export type OfficerRole = (typeof officers.$inferSelect)['role'];

/** Engagement's copies of clubs and their officers, and each club's application questions. */
export const clubRepository = (db: DbOrTx) => ({
  async findByLink(linkName: string): Promise<Club | undefined> {
    const [row] = await db
      .select()
      .from(clubs)
      .where(and(eq(clubs.linkName, linkName), eq(clubs.deleted, false)))
      .limit(1);
    return row;
  },
  async findById(id: string): Promise<Club | undefined> {
    const [row] = await db.select().from(clubs).where(eq(clubs.id, id));
    return row;
  },
  async upsert(club: Omit<Club, 'deleted'>) {
    await db
      .insert(clubs)
      .values(club)
      .onConflictDoUpdate({
        target: clubs.id,
        set: {
          linkName: sql`excluded.link_name`,
          name: sql`excluded.name`,
          accepting: sql`excluded.accepting`,
          applicationRequired: sql`excluded.application_required`,
        },
        // A tombstone stays one.
        setWhere: eq(clubs.deleted, false),
      });
  },
  async markDeleted(id: string, linkName: string) {
    await db
      .insert(clubs)
      .values({ id, linkName, name: linkName, accepting: false, applicationRequired: false, deleted: true })
      .onConflictDoUpdate({ target: clubs.id, set: { deleted: true, accepting: false } });
    await db.delete(officers).where(eq(officers.clubId, id));
    await db.delete(applicationQuestions).where(eq(applicationQuestions.clubId, id));
  },
  async officerRole(clubId: string, accountId: string): Promise<OfficerRole | undefined> {
    const [row] = await db
      .select({ role: officers.role })
      .from(officers)
      .where(and(eq(officers.clubId, clubId), eq(officers.accountId, accountId)));
    return row?.role;
  },
  async setOfficer(clubId: string, accountId: string, role: OfficerRole | null) {
    if (role === null) {
      await db.delete(officers).where(and(eq(officers.clubId, clubId), eq(officers.accountId, accountId)));
      return;
    }
    await db
      .insert(officers)
      .values({ clubId, accountId, role })
      .onConflictDoUpdate({ target: [officers.clubId, officers.accountId], set: { role } });
  },
  /** Records the club's registering account as its owner, unless auth has already named its team. */
  async seedOwner(clubId: string, accountId: string) {
    const [any] = await db
      .select({ id: officers.accountId })
      .from(officers)
      .where(eq(officers.clubId, clubId))
      .limit(1);
    if (any) return;
    await db.insert(officers).values({ clubId, accountId, role: 'owner' }).onConflictDoNothing();
  },
  async removeOfficerEverywhere(accountId: string) {
    await db.delete(officers).where(eq(officers.accountId, accountId));
  },
  questions(clubId: string): Promise<Question[]> {
    return db
      .select()
      .from(applicationQuestions)
      .where(eq(applicationQuestions.clubId, clubId))
      .orderBy(asc(applicationQuestions.position));
  },
  /** The club's questions become exactly these (ids kept where given), in this order. */
  async replaceQuestions(clubId: string, questions: Question[]) {
    const keep = questions.map((question) => question.id);
    await db
      .delete(applicationQuestions)
      .where(
        keep.length === 0
          ? eq(applicationQuestions.clubId, clubId)
          : and(eq(applicationQuestions.clubId, clubId), notInArray(applicationQuestions.id, keep)),
      );
    for (const question of questions) {
      await db
        .insert(applicationQuestions)
        .values(question)
        .onConflictDoUpdate({
          target: applicationQuestions.id,
          set: {
            position: question.position,
            prompt: question.prompt,
            required: question.required,
            choices: question.choices,
          },
        });
    }
  },
  /** Serialises the moves that change a club's member count, so each count published is the true one. */
  async lockMemberCount(clubId: string) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`engagement:members:${clubId}`}))`);
  },
});
