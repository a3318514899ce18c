import type { DbOrTx } from '@sproul/common/db';
import { asc, eq, gt, sql } from 'drizzle-orm';
import { accounts, rsoEmails } from './schema.js';

export interface RsoEntry {
  email: string;
  registered: boolean;
  confirmed: boolean;
}

export const rsoRepository = (db: DbOrTx) => ({
  async has(email: string) {
    const [row] = await db
      .select({ email: rsoEmails.email })
      .from(rsoEmails)
      .where(eq(rsoEmails.email, email));
    return Boolean(row);
  },

  /** Every allowed email with whether an officer registered with it, and confirmed; sorted by email. */
  async list(): Promise<RsoEntry[]> {
    return db
      .select({
        email: rsoEmails.email,
        registered: sql<boolean>`${accounts.id} is not null`,
        confirmed: sql<boolean>`coalesce(${accounts.confirmed}, false)`,
      })
      .from(rsoEmails)
      .leftJoin(accounts, sql`${accounts.email} = ${rsoEmails.email} and ${accounts.role} = 'officer'`)
      .orderBy(asc(rsoEmails.email));
  },

  /** Adds the emails not there yet; returns those added. */
  async add(emails: string[]): Promise<string[]> {
    if (emails.length === 0) return [];
    const rows = await db
      .insert(rsoEmails)
      .values(emails.map((email) => ({ email })))
      .onConflictDoNothing()
      .returning({ email: rsoEmails.email });
    return rows.map((row) => row.email);
  },

  async remove(email: string) {
    const rows = await db
      .delete(rsoEmails)
      .where(eq(rsoEmails.email, email))
      .returning({ email: rsoEmails.email });
    return rows.length > 0;
  },

  /** A page of the list's emails in order after `after` (replays walk them with it). */
  async pageByEmail(after: string | undefined, limit: number): Promise<string[]> {
    const rows = await db
      .select({ email: rsoEmails.email })
      .from(rsoEmails)
      .where(after ? gt(rsoEmails.email, after) : undefined)
      .orderBy(asc(rsoEmails.email))
      .limit(limit);
    return rows.map((row) => row.email);
  },

  async count() {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(rsoEmails);
    return row?.n ?? 0;
  },
});
