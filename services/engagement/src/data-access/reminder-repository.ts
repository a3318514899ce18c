import type { DbOrTx } from '@sproul/common/db';
import { eq, inArray } from 'drizzle-orm';
import { reminderPreferences, remindersSent, verifiedPhones } from './schema.js';

/** Students' reminder choices, accounts' verified phones (auth's), and the reminders already sent. */
export const reminderRepository = (db: DbOrTx) => ({
  async smsOptIn(accountId: string): Promise<boolean> {
    const [row] = await db
      .select({ sms: reminderPreferences.sms })
      .from(reminderPreferences)
      .where(eq(reminderPreferences.accountId, accountId));
    return row?.sms ?? false;
  },
  async setSmsOptIn(accountId: string, sms: boolean, at: Date) {
    await db
      .insert(reminderPreferences)
      .values({ accountId, sms, updatedAt: at })
      .onConflictDoUpdate({ target: reminderPreferences.accountId, set: { sms, updatedAt: at } });
  },
  async phoneOf(accountId: string): Promise<string | undefined> {
    const [row] = await db.select().from(verifiedPhones).where(eq(verifiedPhones.accountId, accountId));
    return row?.phone;
  },
  async setPhone(accountId: string, phone: string | null) {
    if (phone === null) {
      await db.delete(verifiedPhones).where(eq(verifiedPhones.accountId, accountId));
      return;
    }
    await db
      .insert(verifiedPhones)
      .values({ accountId, phone })
      .onConflictDoUpdate({ target: verifiedPhones.accountId, set: { phone } });
  },
  /** Of these accounts, the ones opted in to SMS reminders, with their verified phone. */
  async smsRecipients(accountIds: string[]): Promise<Map<string, string>> {
    if (accountIds.length === 0) return new Map();
    const rows = await db
      .select({
        accountId: verifiedPhones.accountId,
        phone: verifiedPhones.phone,
        sms: reminderPreferences.sms,
      })
      .from(verifiedPhones)
      .innerJoin(reminderPreferences, eq(reminderPreferences.accountId, verifiedPhones.accountId))
      .where(inArray(verifiedPhones.accountId, accountIds));
    return new Map(rows.filter((row) => row.sms).map((row) => [row.accountId, row.phone]));
  },
  /** Records the reminder as sent; false when it already was (another tick, another replica). */
  async markSent(accountId: string, eventId: string, at: Date): Promise<boolean> {
    const rows = await db
      .insert(remindersSent)
      .values({ accountId, eventId, sentAt: at })
      .onConflictDoNothing()
      .returning({ accountId: remindersSent.accountId });
    return rows.length > 0;
  },
  async forget(accountId: string) {
    await db.delete(reminderPreferences).where(eq(reminderPreferences.accountId, accountId));
    await db.delete(verifiedPhones).where(eq(verifiedPhones.accountId, accountId));
    await db.delete(remindersSent).where(eq(remindersSent.accountId, accountId));
  },
});
