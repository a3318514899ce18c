import type { DbOrTx } from '@sproul/common/db';
import type { MembershipStatus } from '@sproul/common/events';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { From, Side } from '../domain/membership-moves.js';
import { clubs, membershipMoves, memberships } from './schema.js';

export type Membership = typeof memberships.$inferSelect;
export type MembershipMove = typeof membershipMoves.$inferSelect;

/** Memberships and their history. Status changes are conditional, so two moves never both apply. */
export const membershipRepository = (db: DbOrTx) => ({
  async find(id: string): Promise<Membership | undefined> {
    const [row] = await db.select().from(memberships).where(eq(memberships.id, id));
    return row;
  },
  async findFor(clubId: string, accountId: string): Promise<Membership | undefined> {
    const [row] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.clubId, clubId), eq(memberships.accountId, accountId)));
    return row;
  },
  /** Inserts a new record; undefined when the student already has one with this club (a race). */
  async create(row: Membership): Promise<Membership | undefined> {
    const [created] = await db.insert(memberships).values(row).onConflictDoNothing().returning();
    return created;
  },
  /** Moves `id` from `from` to `to` only if it is still at `from`; undefined when it was not. */
  async move(
    id: string,
    from: MembershipStatus,
    to: MembershipStatus,
    at: Date,
    changes: Partial<Pick<Membership, 'answers' | 'hasResume' | 'year' | 'major' | 'appliedAt'>> = {},
  ): Promise<Membership | undefined> {
    const [moved] = await db
      .update(memberships)
      .set({ ...changes, status: to, updatedAt: at })
      .where(and(eq(memberships.id, id), eq(memberships.status, from)))
      .returning();
    return moved;
  },
  async record(
    membershipId: string,
    from: From,
    to: MembershipStatus,
    by: Side,
    actorId: string | null,
    note: string | null,
    at: Date,
  ) {
    await db.insert(membershipMoves).values({
      membershipId,
      fromStatus: from === 'none' ? null : from,
      toStatus: to,
      by,
      actorId,
      note,
      at,
    });
  },
  history(membershipIds: string[]): Promise<MembershipMove[]> {
    if (membershipIds.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(membershipMoves)
      .where(inArray(membershipMoves.membershipId, membershipIds))
      .orderBy(asc(membershipMoves.id));
  },
  async memberCount(clubId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.clubId, clubId), eq(memberships.status, 'member')));
    return Number(row?.n ?? 0);
  },
  /** A student's records, with their clubs' names (tombstoned clubs' records are gone). */
  ofStudent(accountId: string) {
    return db
      .select({ membership: memberships, club: clubs })
      .from(memberships)
      .innerJoin(clubs, eq(clubs.id, memberships.clubId))
      .where(and(eq(memberships.accountId, accountId), eq(clubs.deleted, false)))
      .orderBy(asc(memberships.appliedAt));
  },
  /** The clubs where the student is a member now. */
  async memberClubsOf(accountId: string): Promise<string[]> {
    const rows = await db
      .select({ clubId: memberships.clubId })
      .from(memberships)
      .where(and(eq(memberships.accountId, accountId), eq(memberships.status, 'member')));
    return rows.map((row) => row.clubId);
  },
  async deleteOfClub(clubId: string) {
    await db.delete(memberships).where(eq(memberships.clubId, clubId));
  },
  /** Deletes a student's records; answers the clubs where they were a member (their counts change). */
  async deleteOfStudent(accountId: string): Promise<string[]> {
    const gone = await db
      .delete(memberships)
      .where(eq(memberships.accountId, accountId))
      .returning({ clubId: memberships.clubId, status: memberships.status });
    return gone.filter((row) => row.status === 'member').map((row) => row.clubId);
  },
});
