import type { DbOrTx } from '@sproul/common/db';
import { and, asc, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { messageRecipients, messages } from './schema.js';

export type Message = typeof messages.$inferSelect;
export type MessageRecipient = typeof messageRecipients.$inferSelect;

/** Counts of a message's recipients by status (a status nobody has is absent). */
export type StatusCounts = Record<string, number>;

/** Officers' messages to their club's people, and each recipient's delivery status. */
export const messageRepository = (db: DbOrTx) => ({
  async insert(message: Message, recipients: MessageRecipient[]) {
    await db.insert(messages).values(message);
    // A statement per thousand rows: PostgreSQL takes at most 65535 parameters in one.
    for (let i = 0; i < recipients.length; i += 1000) {
      await db.insert(messageRecipients).values(recipients.slice(i, i + 1000));
    }
  },
  async find(clubId: string, id: string): Promise<Message | undefined> {
    const [row] = await db
      .select()
      .from(messages)
      .where(and(eq(messages.id, id), eq(messages.clubId, clubId)));
    return row;
  },
  /** The club's messages, newest first. */
  listOfClub(clubId: string, limit: number, offset: number): Promise<Message[]> {
    return db
      .select()
      .from(messages)
      .where(eq(messages.clubId, clubId))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(limit)
      .offset(offset);
  },
  async countOfClub(clubId: string): Promise<number> {
    const [row] = await db.select({ n: count() }).from(messages).where(eq(messages.clubId, clubId));
    return Number(row?.n ?? 0);
  },
  /** When the club's messages sent after `since` were sent, newest first (the rate limit's window). */
  async sentSince(clubId: string, since: Date): Promise<Date[]> {
    const rows = await db
      .select({ at: messages.createdAt })
      .from(messages)
      .where(and(eq(messages.clubId, clubId), gt(messages.createdAt, since)))
      .orderBy(desc(messages.createdAt));
    return rows.map((row) => row.at);
  },
  /** Serialises a club's sends, so two at once cannot both pass the rate limit. */
  async lockClubSends(clubId: string) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`engagement:messages:${clubId}`}))`);
  },
  /** Recipients' counts by status for each of these messages. */
  async counts(ids: string[]): Promise<Map<string, StatusCounts>> {
    const byMessage = new Map<string, StatusCounts>(ids.map((id) => [id, {}]));
    if (ids.length === 0) return byMessage;
    const rows = await db
      .select({ id: messageRecipients.messageId, status: messageRecipients.status, n: count() })
      .from(messageRecipients)
      .where(inArray(messageRecipients.messageId, ids))
      .groupBy(messageRecipients.messageId, messageRecipients.status);
    for (const row of rows) {
      const counts = byMessage.get(row.id);
      if (counts) counts[row.status] = Number(row.n);
    }
    return byMessage;
  },
  recipients(messageId: string): Promise<MessageRecipient[]> {
    return db
      .select()
      .from(messageRecipients)
      .where(eq(messageRecipients.messageId, messageId))
      .orderBy(asc(messageRecipients.email));
  },
  /** A recipient's final outcome; the first one reported stays (a redelivered report changes nothing). */
  async settle(messageId: string, email: string, status: string, error: string | null, at: Date) {
    await db
      .update(messageRecipients)
      .set({ status, error, updatedAt: at })
      .where(
        and(
          eq(messageRecipients.messageId, messageId),
          eq(messageRecipients.email, email),
          eq(messageRecipients.status, 'pending'),
        ),
      );
  },
  async deleteOfClub(clubId: string) {
    await db.delete(messages).where(eq(messages.clubId, clubId));
  },
  /** A deleted account's places on recipient lists (its address is personal data). */
  async forgetRecipient(accountId: string) {
    await db.delete(messageRecipients).where(eq(messageRecipients.accountId, accountId));
  },
});
