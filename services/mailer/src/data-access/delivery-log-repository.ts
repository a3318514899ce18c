import type { DbOrTx } from '@sproul/common/db';
import { and, eq, gt, inArray, lt, notInArray, sql } from 'drizzle-orm';
import { type DeliveryStatus, deliveries } from './schema.js';

export type Delivery = typeof deliveries.$inferSelect;
export type NewDelivery = Pick<Delivery, 'id' | 'to' | 'template' | 'subject' | 'status'>;

/** The delivery log: one row per EmailRequested event, its status and attempts; never its content. */
export const deliveryLog = (db: DbOrTx) => ({
  /** The row, locked until the transaction ends (a claim reads, decides and writes under it). */
  async lock(id: string): Promise<Delivery | undefined> {
    const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id)).for('update');
    return row;
  },

  /** Serialises the claims of one address (the per-address limit counts, then inserts). */
  async lockAddress(to: string) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`mailer:${to.toLowerCase()}`}))`);
  },

  async insert(row: NewDelivery & { attempts: number }) {
    await db.insert(deliveries).values(row);
  },

  /** Emails sent, or being sent, to `to` since `since`. */
  async countSince(to: string, since: Date): Promise<number> {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(deliveries)
      .where(
        and(
          eq(deliveries.to, to),
          gt(deliveries.createdAt, since),
          inArray(deliveries.status, ['sending', 'sent']),
        ),
      );
    return row?.count ?? 0;
  },

  async update(
    id: string,
    change: Partial<Pick<Delivery, 'attempts' | 'providerMessageId' | 'error' | 'sentAt'>> & {
      status: DeliveryStatus;
    },
  ) {
    await db
      .update(deliveries)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(deliveries.id, id));
  },

  /**
   * Marks the request failed, creating its row if it never had one (an email that could not be
   * rendered); false when it was already failed (a redelivery), so the caller publishes nothing twice.
   */
  async fail(row: Omit<NewDelivery, 'status'>, attempts: number, error: string): Promise<boolean> {
    const changed = await db
      .insert(deliveries)
      .values({ ...row, status: 'failed', attempts, error })
      .onConflictDoUpdate({
        target: deliveries.id,
        set: { status: 'failed', attempts, error, updatedAt: new Date() },
        setWhere: sql`${deliveries.status} <> 'failed'`,
      })
      .returning({ id: deliveries.id });
    return changed.length > 0;
  },

  /** Deletes final rows older than `before` (rows still queued or in doubt stay); answers how many. */
  async pruneBefore(before: Date): Promise<number> {
    const gone = await db
      .delete(deliveries)
      .where(and(lt(deliveries.createdAt, before), notInArray(deliveries.status, ['queued', 'sending'])))
      .returning({ id: deliveries.id });
    return gone.length;
  },

  async find(id: string): Promise<Delivery | undefined> {
    const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id));
    return row;
  },
});
