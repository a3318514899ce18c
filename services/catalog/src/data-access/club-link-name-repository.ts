import type { DbOrTx } from '@sproul/common/db';
import { eq, sql } from 'drizzle-orm';
import { clubLinkRedirects, clubs } from './schema.js';

/** Clubs' link names, current and former: redirects after renames, and which names are taken. */
export const clubLinkNameRepository = (db: DbOrTx) => ({
  /** The club's current link name when `linkName` is one it had before a rename. */
  async findRedirect(linkName: string): Promise<string | undefined> {
    const [row] = await db
      .select({ linkName: clubs.linkName })
      .from(clubLinkRedirects)
      .innerJoin(clubs, eq(clubs.id, clubLinkRedirects.clubId))
      .where(eq(clubLinkRedirects.linkName, linkName));
    return row?.linkName;
  },

  /** Link names the club had before renames. */
  async formerLinkNames(clubId: string): Promise<string[]> {
    const rows = await db
      .select({ linkName: clubLinkRedirects.linkName })
      .from(clubLinkRedirects)
      .where(eq(clubLinkRedirects.clubId, clubId));
    return rows.map((row) => row.linkName);
  },

  /** True when a club uses the link name now or used it before (old URLs keep redirecting). */
  async linkNameTaken(linkName: string): Promise<boolean> {
    const [current] = await db.select({ id: clubs.id }).from(clubs).where(eq(clubs.linkName, linkName));
    if (current) return true;
    const [former] = await db
      .select({ id: clubLinkRedirects.clubId })
      .from(clubLinkRedirects)
      .where(eq(clubLinkRedirects.linkName, linkName));
    return Boolean(former);
  },

  /** Link names starting with `prefix`, current and former: to pick the next free `-2`, `-3` suffix. */
  async linkNamesStartingWith(prefix: string): Promise<string[]> {
    const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const current = await db
      .select({ linkName: clubs.linkName })
      .from(clubs)
      .where(sql`${clubs.linkName} like ${pattern}`);
    const former = await db
      .select({ linkName: clubLinkRedirects.linkName })
      .from(clubLinkRedirects)
      .where(sql`${clubLinkRedirects.linkName} like ${pattern}`);
    return [...current, ...former].map((row) => row.linkName);
  },

  /** Keeps `formerLinkName` pointing at the club, and frees `currentLinkName` if it was a former one. */
  async recordRename(clubId: string, formerLinkName: string, currentLinkName: string) {
    await db.delete(clubLinkRedirects).where(eq(clubLinkRedirects.linkName, currentLinkName));
    await db
      .insert(clubLinkRedirects)
      .values({ linkName: formerLinkName, clubId })
      .onConflictDoUpdate({ target: clubLinkRedirects.linkName, set: { clubId } });
  },
});
