import type { DbOrTx } from '@sproul/common/db';
import { and, avg, count, desc, eq, gt, isNotNull, type SQL, sql } from 'drizzle-orm';
import { feedback } from './schema.js';

export type Feedback = typeof feedback.$inferSelect;
export type FeedbackKind = Feedback['kind'];

interface Page {
  limit: number;
  offset: number;
}

/** Feedback rows, the per-account send times (the rate limit) and ratings' averages. */
export const feedbackRepository = (db: DbOrTx) => ({
  async insert(row: Feedback) {
    await db.insert(feedback).values(row);
  },
  /** Serialises one account's sends, so two at once cannot both take the last place. */
  async lockAccountSends(accountId: string) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`engagement:feedback:${accountId}`}))`);
  },
  /** When the account sent feedback since `since`, newest first. */
  async sentSince(accountId: string, since: Date): Promise<Date[]> {
    const rows = await db
      .select({ at: feedback.createdAt })
      .from(feedback)
      .where(and(eq(feedback.accountId, accountId), gt(feedback.createdAt, since)))
      .orderBy(desc(feedback.createdAt));
    return rows.map((row) => row.at);
  },
  async page(where: SQL | undefined, page: Page): Promise<{ total: number; rows: Feedback[] }> {
    const [totals] = await db.select({ n: count() }).from(feedback).where(where);
    const rows = await db
      .select()
      .from(feedback)
      .where(where)
      .orderBy(desc(feedback.createdAt), desc(feedback.id))
      .limit(page.limit)
      .offset(page.offset);
    return { total: Number(totals?.n ?? 0), rows };
  },
  /** Average rating and count per event of the club (events with feedback only). */
  async eventAverages(clubId: string) {
    const rows = await db
      .select({ eventId: feedback.eventId, average: avg(feedback.rating), count: count() })
      .from(feedback)
      .where(and(eq(feedback.clubId, clubId), eq(feedback.kind, 'event'), isNotNull(feedback.eventId)))
      .groupBy(feedback.eventId)
      .orderBy(feedback.eventId);
    return rows.map((row) => ({
      event_id: row.eventId as string,
      average: Math.round(Number(row.average) * 100) / 100,
      count: Number(row.count),
    }));
  },
  /** Average rating and count of feedback about the club itself (not its events). */
  async clubAverage(clubId: string) {
    const [row] = await db
      .select({ average: avg(feedback.rating), count: count() })
      .from(feedback)
      .where(and(eq(feedback.clubId, clubId), eq(feedback.kind, 'club')));
    const n = Number(row?.count ?? 0);
    return { average: n === 0 ? null : Math.round(Number(row?.average) * 100) / 100, count: n };
  },
});

export const feedbackOfClub = (clubId: string) => eq(feedback.clubId, clubId);
export const feedbackOfKind = (kind: FeedbackKind | undefined) =>
  kind ? eq(feedback.kind, kind) : undefined;
