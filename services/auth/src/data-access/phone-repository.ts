import type { DbOrTx } from '@sproul/common/db';
import { and, asc, eq, gt, lte, or, sql } from 'drizzle-orm';
import { phoneChallenges, phoneCodeSends, phoneNumbers } from './schema.js';

export type PhoneChallenge = typeof phoneChallenges.$inferSelect;

/** Verified numbers, the pending code of each account, and the log of codes sent. */
export const phoneRepository = (db: DbOrTx) => ({
  async verifiedOf(accountId: string): Promise<string | undefined> {
    const [row] = await db
      .select({ phone: phoneNumbers.phone })
      .from(phoneNumbers)
      .where(eq(phoneNumbers.accountId, accountId));
    return row?.phone;
  },

  /** The account a number is verified on, if any. */
  async holderOf(phone: string): Promise<string | undefined> {
    const [row] = await db
      .select({ accountId: phoneNumbers.accountId })
      .from(phoneNumbers)
      .where(eq(phoneNumbers.phone, phone));
    return row?.accountId;
  },

  async setVerified(accountId: string, phone: string, verifiedAt: Date) {
    await db
      .insert(phoneNumbers)
      .values({ accountId, phone, verifiedAt })
      .onConflictDoUpdate({ target: phoneNumbers.accountId, set: { phone, verifiedAt } });
  },

  /** Removes the verified number; answers it when there was one. */
  async removeVerified(accountId: string): Promise<string | undefined> {
    const [row] = await db
      .delete(phoneNumbers)
      .where(eq(phoneNumbers.accountId, accountId))
      .returning({ phone: phoneNumbers.phone });
    return row?.phone;
  },

  /** A page of verified numbers in account order (replays restate them). */
  async pageVerified(afterAccountId: string | undefined, limit: number) {
    return db
      .select({ accountId: phoneNumbers.accountId, phone: phoneNumbers.phone })
      .from(phoneNumbers)
      .where(afterAccountId ? gt(phoneNumbers.accountId, afterAccountId) : undefined)
      .orderBy(asc(phoneNumbers.accountId))
      .limit(limit);
  },

  /** The pending challenge, locked for the transaction (attempts are counted one at a time). */
  async challengeForUpdate(accountId: string): Promise<PhoneChallenge | undefined> {
    const [row] = await db
      .select()
      .from(phoneChallenges)
      .where(eq(phoneChallenges.accountId, accountId))
      .for('update');
    return row;
  },

  async challengeOf(accountId: string): Promise<PhoneChallenge | undefined> {
    const [row] = await db.select().from(phoneChallenges).where(eq(phoneChallenges.accountId, accountId));
    return row;
  },

  /** Puts a new challenge in place of the pending one (its code dies with it). */
  async replaceChallenge(challenge: Omit<PhoneChallenge, 'attempts'>) {
    const { accountId, ...rest } = challenge;
    await db
      .insert(phoneChallenges)
      .values({ ...challenge, attempts: 0 })
      .onConflictDoUpdate({ target: phoneChallenges.accountId, set: { ...rest, attempts: 0 } });
  },

  async countAttempt(accountId: string): Promise<number> {
    const [row] = await db
      .update(phoneChallenges)
      .set({ attempts: sql`${phoneChallenges.attempts} + 1` })
      .where(eq(phoneChallenges.accountId, accountId))
      .returning({ attempts: phoneChallenges.attempts });
    return row?.attempts ?? 0;
  },

  async removeChallenge(accountId: string) {
    await db.delete(phoneChallenges).where(eq(phoneChallenges.accountId, accountId));
  },

  /**
   * Serialises code sends to one account and to one number (transaction-scoped advisory locks, taken
   * in a fixed order), so that two requests at once cannot both slip under the limit.
   */
  async lockSends(accountId: string, phone: string) {
    for (const key of [`phone-send:account:${accountId}`, `phone-send:number:${phone}`].sort()) {
      await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    }
  },

  /** The send times within the window, oldest first, by this account and to this number. */
  async sendsSince(accountId: string, phone: string, since: Date) {
    const rows = await db
      .select({
        accountId: phoneCodeSends.accountId,
        phone: phoneCodeSends.phone,
        sentAt: phoneCodeSends.sentAt,
      })
      .from(phoneCodeSends)
      .where(
        and(
          gt(phoneCodeSends.sentAt, since),
          or(eq(phoneCodeSends.accountId, accountId), eq(phoneCodeSends.phone, phone)),
        ),
      )
      .orderBy(asc(phoneCodeSends.sentAt));
    return {
      byAccount: rows.filter((row) => row.accountId === accountId).map((row) => row.sentAt),
      toNumber: rows.filter((row) => row.phone === phone).map((row) => row.sentAt),
    };
  },

  /** Logs a send, and drops this account's and number's sends that left the window. */
  async recordSend(accountId: string, phone: string, sentAt: Date, windowStart: Date) {
    await db
      .delete(phoneCodeSends)
      .where(
        and(
          lte(phoneCodeSends.sentAt, windowStart),
          or(eq(phoneCodeSends.accountId, accountId), eq(phoneCodeSends.phone, phone)),
        ),
      );
    await db.insert(phoneCodeSends).values({ accountId, phone, sentAt });
  },
});
