import type { DbOrTx } from '@sproul/common/db';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { invitations } from './schema.js';

export type Invitation = typeof invitations.$inferSelect;
export type NewInvitation = typeof invitations.$inferInsert;

const pending = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

/** Officer invitations; a token is found by its SHA-256 only. */
export const invitationRepository = (db: DbOrTx) => ({
  /** Revokes the open invitation of an address to a club (if any), then creates the new one. */
  async replace(invitation: NewInvitation): Promise<Invitation> {
    await db
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(invitations.clubId, invitation.clubId), eq(invitations.email, invitation.email), pending()),
      );
    const [row] = await db.insert(invitations).values(invitation).returning();
    return row!;
  },

  /** A club's invitations neither accepted, revoked nor expired, oldest first. */
  async pendingOf(clubId: string): Promise<Invitation[]> {
    return db
      .select()
      .from(invitations)
      .where(and(eq(invitations.clubId, clubId), pending(), gt(invitations.expiresAt, new Date())))
      .orderBy(asc(invitations.createdAt));
  },

  async findByHash(tokenHash: string): Promise<Invitation | undefined> {
    const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
    return row;
  },

  /** Revokes a club's open invitation; false when there is none with that id. */
  async revoke(clubId: string, id: string) {
    const rows = await db
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, id), eq(invitations.clubId, clubId), pending()))
      .returning({ id: invitations.id });
    return rows.length > 0;
  },

  /**
   * Marks the invitation accepted if it is still open and unexpired, atomically: of concurrent
   * acceptances of one token exactly one gets the row back.
   */
  async accept(tokenHash: string): Promise<Invitation | undefined> {
    const [row] = await db
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.tokenHash, tokenHash), pending(), sql`${invitations.expiresAt} > now()`))
      .returning();
    return row;
  },

  async setAcceptedBy(id: string, accountId: string) {
    await db.update(invitations).set({ acceptedBy: accountId }).where(eq(invitations.id, id));
  },

  /** Ends every open invitation to a club (it was deleted). */
  async revokeClub(clubId: string) {
    await db
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.clubId, clubId), pending()));
  },
});
