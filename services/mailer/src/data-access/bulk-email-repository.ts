import { randomUUID } from 'node:crypto';
import { type DbOrTx, rowsOf } from '@sproul/common/db';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type BulkRecipientStatus, bulkEmails, bulkRecipients } from './schema.js';

export type BulkEmail = typeof bulkEmails.$inferSelect;
export type BulkRecipient = typeof bulkRecipients.$inferSelect;
export type NewBulkRecipient = Pick<BulkRecipient, 'email' | 'userId' | 'fields'>;
export type RecipientKey = Pick<BulkRecipient, 'bulkId' | 'email'>;
/** A final outcome, as BulkEmailProgressed reports it. */
export type FinalStatus = Exclude<BulkRecipientStatus, 'pending' | 'sending'>;

const INSERT_CHUNK = 1000;

/** The bulk jobs and their recipients; the sender's claims and outcomes. */
export const bulkEmailStore = (db: DbOrTx) => ({
  /**
   * Stores a job and its recipients (duplicate addresses collapse into one row); false when the job
   * was already stored (the same bulkId again), in which case nothing changes.
   */
  async insertJob(job: Omit<BulkEmail, 'createdAt' | 'finishedAt'>, recipients: NewBulkRecipient[]) {
    const inserted = await db
      .insert(bulkEmails)
      .values(job)
      .onConflictDoNothing()
      .returning({ id: bulkEmails.bulkId });
    if (inserted.length === 0) return false;
    const rows = recipients.map((r) => ({ ...r, bulkId: job.bulkId, deliveryId: randomUUID() }));
    for (let at = 0; at < rows.length; at += INSERT_CHUNK) {
      await db
        .insert(bulkRecipients)
        .values(rows.slice(at, at + INSERT_CHUNK))
        .onConflictDoNothing();
    }
    return true;
  },

  /** Serialises the senders' claims (every instance): the global rate counts, then claims. */
  async lockClaims() {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext('mailer:bulk-claims'))`);
  },

  /** Recipients claimed for sending after `since`, by any sender. */
  async countClaimedSince(since: Date): Promise<number> {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(bulkRecipients)
      .where(sql`${bulkRecipients.claimedAt} > ${since.toISOString()}`);
    return row?.count ?? 0;
  },

  /**
   * Up to `limit` recipients ready to go, round-robin between jobs: each job's first ready address,
   * then each job's second, and so on, older jobs first within a round. Ready: pending and past its
   * back-off, or claimed by a sender that has not recorded anything for too long (crashed).
   */
  async ready(now: Date, staleBefore: Date, limit: number): Promise<RecipientKey[]> {
    const rows = await db.execute(sql`
      select r.bulk_id, r.email
      from (
        select bulk_id, email, row_number() over (partition by bulk_id order by email) as round
        from ${bulkRecipients}
        where ${isReady(now, staleBefore)}
      ) r join ${bulkEmails} j on j.bulk_id = r.bulk_id
      where r.round <= ${limit}
      order by r.round, j.created_at, j.bulk_id
      limit ${limit}`);
    return rowsOf<{ bulk_id: string; email: string }>(rows).map((row) => ({
      bulkId: row.bulk_id,
      email: row.email,
    }));
  },

  /** Gives ready recipients a final status without sending (suppressed, unsubscribed). */
  async refuse(keys: RecipientKey[], status: FinalStatus, now: Date, staleBefore: Date) {
    if (keys.length === 0) return [];
    return db
      .update(bulkRecipients)
      .set({ status, claimToken: null, error: null })
      .where(and(keyIn(keys), isReady(now, staleBefore)))
      .returning();
  },

  /**
   * Claims ready recipients for the run `token` (`sending`, one more attempt). A row taken over from a
   * stale claim comes back `inDoubt`: its crashed sender may have handed it to the provider.
   */
  async claim(keys: RecipientKey[], token: string, now: Date, staleBefore: Date): Promise<BulkRecipient[]> {
    if (keys.length === 0) return [];
    return db
      .update(bulkRecipients)
      .set({
        status: 'sending',
        claimToken: token,
        claimedAt: now,
        attempts: sql`${bulkRecipients.attempts} + 1`,
        inDoubt: sql`${bulkRecipients.inDoubt} or ${bulkRecipients.status} = 'sending'`,
      })
      .where(and(keyIn(keys), isReady(now, staleBefore)))
      .returning();
  },

  /** Records a final outcome, if the run `token` still holds the claim; answers whether it did. */
  async settle(
    key: RecipientKey,
    token: string,
    change: { status: FinalStatus; error: string | null; providerMessageId?: string; sentAt?: Date },
  ): Promise<boolean> {
    const done = await db
      .update(bulkRecipients)
      .set({ ...change, claimToken: null, inDoubt: false, notBefore: null })
      .where(and(byKey(key), eq(bulkRecipients.claimToken, token)))
      .returning({ email: bulkRecipients.email });
    return done.length > 0;
  },

  /** A transient failure: pending again after `notBefore`; `inDoubt` when no answer came. */
  async release(
    key: RecipientKey,
    token: string,
    change: { notBefore: Date; error: string; inDoubt: boolean },
  ) {
    await db
      .update(bulkRecipients)
      .set({ ...change, status: 'pending', claimToken: null })
      .where(and(byKey(key), eq(bulkRecipients.claimToken, token)));
  },

  /** Marks finished the jobs of `bulkIds` that have no recipient left to send. */
  async finishDone(bulkIds: string[], now: Date) {
    if (bulkIds.length === 0) return;
    await db
      .update(bulkEmails)
      .set({ finishedAt: now })
      .where(
        and(
          inArray(bulkEmails.bulkId, bulkIds),
          isNull(bulkEmails.finishedAt),
          sql`not exists (select 1 from ${bulkRecipients} r where r.bulk_id = ${bulkEmails.bulkId}
            and r.status in ('pending', 'sending'))`,
        ),
      );
  },

  async jobs(bulkIds: string[]): Promise<BulkEmail[]> {
    if (bulkIds.length === 0) return [];
    return db.select().from(bulkEmails).where(inArray(bulkEmails.bulkId, bulkIds));
  },

  async job(bulkId: string): Promise<BulkEmail | undefined> {
    const [row] = await db.select().from(bulkEmails).where(eq(bulkEmails.bulkId, bulkId));
    return row;
  },

  async recipients(bulkId: string): Promise<BulkRecipient[]> {
    return db
      .select()
      .from(bulkRecipients)
      .where(eq(bulkRecipients.bulkId, bulkId))
      .orderBy(bulkRecipients.email);
  },
});

const isReady = (now: Date, staleBefore: Date): SQL =>
  sql`((${bulkRecipients.status} = 'pending' and (${bulkRecipients.notBefore} is null
    or ${bulkRecipients.notBefore} <= ${now.toISOString()}))
    or (${bulkRecipients.status} = 'sending' and ${bulkRecipients.claimedAt} < ${staleBefore.toISOString()}))`;

const byKey = (key: RecipientKey) =>
  and(eq(bulkRecipients.bulkId, key.bulkId), eq(bulkRecipients.email, key.email));

const keyIn = (keys: RecipientKey[]): SQL =>
  sql`(${bulkRecipients.bulkId}, ${bulkRecipients.email}) in (${sql.join(
    keys.map((key) => sql`(${key.bulkId}::uuid, ${key.email})`),
    sql`, `,
  )})`;
