import type { DbOrTx } from '@sproul/common/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { clubLinkNameRepository } from './club-link-name-repository.js';
import { clubs } from './schema.js';

export type Club = typeof clubs.$inferSelect;
export type NewClub = typeof clubs.$inferInsert;
/** Columns a caller may change; identity, ownership and computed columns are not among them. */
export type ClubChanges = Partial<Omit<NewClub, 'id' | 'ownerUserId' | 'registeredAt' | 'eventsText'>>;

/** Club ids are UUIDs; anything else (from an event, a URL) names no club, and must not reach a uuid column. */
export const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Visible in the public catalog: the officer confirmed the email, the club is active, no admin hid it. */
export const visibleClub = sql`${clubs.confirmed} and ${clubs.reactivated} and not ${clubs.hidden}`;

export const clubRepository = (db: DbOrTx) => ({
  async findById(id: string): Promise<Club | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await db.select().from(clubs).where(eq(clubs.id, id));
    return row;
  },

  /** True when the catalog holds at least one club, visible or not. */
  async any(): Promise<boolean> {
    const [row] = await db.select({ id: clubs.id }).from(clubs).limit(1);
    return Boolean(row);
  },

  /** Locks the row for the rest of the transaction, so concurrent edits of one club apply in turn. */
  /** A page of every club, visible or not, in id order after `afterId` (replays walk them with it). */
  async pageById(afterId: string | undefined, limit: number): Promise<Club[]> {
    return db
      .select()
      .from(clubs)
      .where(afterId ? sql`${clubs.id} > ${afterId}` : undefined)
      .orderBy(clubs.id)
      .limit(limit);
  },

  async findByIdForUpdate(id: string): Promise<Club | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await db.select().from(clubs).where(eq(clubs.id, id)).for('update');
    return row;
  },

  /** The club the account owns (the earliest registered, when it was handed others). */
  async findByOwner(ownerUserId: string): Promise<Club | undefined> {
    const [row] = await db
      .select()
      .from(clubs)
      .where(eq(clubs.ownerUserId, ownerUserId))
      .orderBy(asc(clubs.registeredAt), asc(clubs.id))
      .limit(1);
    return row;
  },

  /** Every club the account owns. */
  async listByOwner(ownerUserId: string): Promise<Club[]> {
    return db.select().from(clubs).where(eq(clubs.ownerUserId, ownerUserId));
  },

  async findByOwnerEmail(email: string): Promise<Club | undefined> {
    const [row] = await db.select().from(clubs).where(eq(clubs.ownerEmail, email));
    return row;
  },

  async findByLinkName(linkName: string): Promise<Club | undefined> {
    const [row] = await db.select().from(clubs).where(eq(clubs.linkName, linkName));
    return row;
  },

  async findVisibleByLinkName(linkName: string): Promise<Club | undefined> {
    const [row] = await db
      .select()
      .from(clubs)
      .where(and(eq(clubs.linkName, linkName), visibleClub));
    return row;
  },

  async findVisibleByLinkNames(linkNames: string[]): Promise<Club[]> {
    if (linkNames.length === 0) return [];
    return db
      .select()
      .from(clubs)
      .where(and(inArray(clubs.linkName, linkNames), visibleClub));
  },

  ...clubLinkNameRepository(db),

  /** Inserts a club (the caller checked the registration created none yet: an account may own several). */
  async insert(club: NewClub): Promise<Club | undefined> {
    const [row] = await db.insert(clubs).values(club).returning();
    return row;
  },

  async update(id: string, changes: ClubChanges): Promise<Club | undefined> {
    const [row] = await db.update(clubs).set(changes).where(eq(clubs.id, id)).returning();
    return row;
  },
  /**
   * The club's member count as engagement counted it; false when no such club (deleted since, or an id
   * the catalog never gave). Only the count: not an officer's edit, so `last_updated` stays.
   */
  async setMemberCount(id: string, members: number): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows = await db
      .update(clubs)
      .set({ memberCount: members })
      .where(eq(clubs.id, id))
      .returning({ id: clubs.id });
    return rows.length > 0;
  },

  /** Deletes the club with everything it holds (events, resources, FAQ, gallery, redirects, favourites). */
  async delete(id: string): Promise<Club | undefined> {
    const [row] = await db.delete(clubs).where(eq(clubs.id, id)).returning();
    return row;
  },
});

export type ClubRepository = ReturnType<typeof clubRepository>;
