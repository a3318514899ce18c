import type { DbOrTx } from '@sproul/common/db';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { polls, pollVotes } from './schema.js';

export type Poll = typeof polls.$inferSelect;

/** Polls and their votes. Voters are read only for open (non-anonymous) polls: see `votersByOption`. */
export const pollRepository = (db: DbOrTx) => ({
  async insert(poll: Poll) {
    await db.insert(polls).values(poll);
  },
  async listOfClub(clubId: string): Promise<Poll[]> {
    return db.select().from(polls).where(eq(polls.clubId, clubId)).orderBy(desc(polls.createdAt));
  },
  async find(clubId: string, id: string): Promise<Poll | undefined> {
    const [row] = await db
      .select()
      .from(polls)
      .where(and(eq(polls.clubId, clubId), eq(polls.id, id)));
    return row;
  },
  /** The poll, locked against a concurrent close until the caller's transaction ends. */
  async findForUpdate(clubId: string, id: string): Promise<Poll | undefined> {
    const [row] = await db
      .select()
      .from(polls)
      .where(and(eq(polls.clubId, clubId), eq(polls.id, id)))
      .for('update');
    return row;
  },
  async close(id: string, at: Date) {
    await db
      .update(polls)
      .set({ closedAt: at })
      .where(and(eq(polls.id, id), isNull(polls.closedAt)));
  },
  /** One vote per (poll, voter): a second vote replaces the first, in one statement (safe when concurrent). */
  async vote(pollId: string, voter: string, optionId: string, at: Date) {
    await db
      .insert(pollVotes)
      .values({ pollId, voter, optionId, updatedAt: at })
      .onConflictDoUpdate({
        target: [pollVotes.pollId, pollVotes.voter],
        set: { optionId, updatedAt: at },
      });
  },
  async counts(pollId: string): Promise<Map<string, number>> {
    const rows = await db
      .select({ optionId: pollVotes.optionId, n: count() })
      .from(pollVotes)
      .where(eq(pollVotes.pollId, pollId))
      .groupBy(pollVotes.optionId);
    return new Map(rows.map((row) => [row.optionId, Number(row.n)]));
  },
  async voteOf(pollId: string, voter: string): Promise<string | null> {
    const [row] = await db
      .select({ optionId: pollVotes.optionId })
      .from(pollVotes)
      .where(and(eq(pollVotes.pollId, pollId), eq(pollVotes.voter, voter)));
    return row?.optionId ?? null;
  },
  /** Account ids per option; for non-anonymous polls only (an anonymous poll's voters are hashes). */
  async votersByOption(pollId: string): Promise<Map<string, string[]>> {
    const rows = await db
      .select({ optionId: pollVotes.optionId, voter: pollVotes.voter })
      .from(pollVotes)
      .where(eq(pollVotes.pollId, pollId))
      .orderBy(pollVotes.updatedAt);
    const byOption = new Map<string, string[]>();
    for (const row of rows) byOption.set(row.optionId, [...(byOption.get(row.optionId) ?? []), row.voter]);
    return byOption;
  },
});
