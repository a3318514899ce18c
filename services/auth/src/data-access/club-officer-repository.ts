import type { DbOrTx } from '@sproul/common/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { accounts, clubOfficers } from './schema.js';

export type ClubRole = 'owner' | 'officer';

/** An officer of a club with what ClubOfficerChanged tells about them. */
export interface TeamMember {
  clubId: string;
  accountId: string;
  email: string;
  name: string | null;
  role: ClubRole;
  grantedAt: Date;
}

const member = {
  clubId: clubOfficers.clubId,
  accountId: clubOfficers.accountId,
  email: accounts.email,
  name: accounts.name,
  role: clubOfficers.role,
  grantedAt: clubOfficers.grantedAt,
};

/** Who runs which club (`club_officers`). */
export const clubOfficerRepository = (db: DbOrTx) => {
  const team = (clubId: string): Promise<TeamMember[]> =>
    db
      .select(member)
      .from(clubOfficers)
      .innerJoin(accounts, eq(accounts.id, clubOfficers.accountId))
      .where(eq(clubOfficers.clubId, clubId))
      .orderBy(sql`${clubOfficers.role} = 'owner' desc`, asc(clubOfficers.grantedAt));

  const clubsOf = (accountId: string): Promise<TeamMember[]> =>
    db
      .select(member)
      .from(clubOfficers)
      .innerJoin(accounts, eq(accounts.id, clubOfficers.accountId))
      .where(eq(clubOfficers.accountId, accountId))
      .orderBy(
        sql`${clubOfficers.role} = 'owner' desc`,
        asc(clubOfficers.grantedAt),
        asc(clubOfficers.clubId),
      );

  return {
    /** Grants a role unless the account already has one in that club; true when granted. */
    async grant(clubId: string, accountId: string, role: ClubRole, grantedBy: string | null) {
      const rows = await db
        .insert(clubOfficers)
        .values({ clubId, accountId, role, grantedBy })
        .onConflictDoNothing()
        .returning({ clubId: clubOfficers.clubId });
      return rows.length > 0;
    },

    async setRole(clubId: string, accountId: string, role: ClubRole) {
      await db
        .update(clubOfficers)
        .set({ role })
        .where(and(eq(clubOfficers.clubId, clubId), eq(clubOfficers.accountId, accountId)));
    },

    async remove(clubId: string, accountId: string) {
      const rows = await db
        .delete(clubOfficers)
        .where(and(eq(clubOfficers.clubId, clubId), eq(clubOfficers.accountId, accountId)))
        .returning({ clubId: clubOfficers.clubId });
      return rows.length > 0;
    },

    /** One member of a club's team; `forUpdate` locks the row until the transaction ends. */
    async find(clubId: string, accountId: string, forUpdate = false): Promise<TeamMember | undefined> {
      const pair = and(eq(clubOfficers.clubId, clubId), eq(clubOfficers.accountId, accountId));
      // Locked alone: `for update of` cannot name a schema-qualified table, as the join would need.
      if (forUpdate)
        await db.select({ role: clubOfficers.role }).from(clubOfficers).where(pair).for('update');
      const [row] = await db
        .select(member)
        .from(clubOfficers)
        .innerJoin(accounts, eq(accounts.id, clubOfficers.accountId))
        .where(pair);
      return row;
    },

    /** A club's team, owner first, then by grant time. */
    team,
    /** The clubs an account runs: owned ones first, then by grant time (the first is its default club). */
    clubsOf,

    /** The club a new session acts for: the owned club, else the earliest granted; null when none. */
    async defaultClub(accountId: string): Promise<string | null> {
      const [first] = await clubsOf(accountId);
      return first?.clubId ?? null;
    },

    /** A page of every grant in (club, account) order after `after` (replays walk them with it). */
    async page(
      after: { clubId: string; accountId: string } | undefined,
      limit: number,
    ): Promise<TeamMember[]> {
      return db
        .select(member)
        .from(clubOfficers)
        .innerJoin(accounts, eq(accounts.id, clubOfficers.accountId))
        .where(
          after
            ? sql`(${clubOfficers.clubId}, ${clubOfficers.accountId}) > (${after.clubId}, ${after.accountId})`
            : undefined,
        )
        .orderBy(asc(clubOfficers.clubId), asc(clubOfficers.accountId))
        .limit(limit);
    },

    /** Ends every grant of a club; answers those ended. */
    async removeClub(clubId: string): Promise<TeamMember[]> {
      const ended = await team(clubId);
      await db.delete(clubOfficers).where(eq(clubOfficers.clubId, clubId));
      return ended;
    },
  };
};
