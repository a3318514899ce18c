import type { DbOrTx } from '@sproul/common/db';
import type { RsvpStatus } from '@sproul/common/events';
import { and, asc, count, eq, inArray, isNotNull, lt, max, sql } from 'drizzle-orm';
import { calendarFeeds, clubEvents, people, rsvps } from './schema.js';

export type ClubEvent = typeof clubEvents.$inferSelect;
export type Rsvp = typeof rsvps.$inferSelect;
export type EventCopy = Omit<
  ClubEvent,
  'cancelled' | 'capacity' | 'waitlist' | 'membersOnly' | 'rsvpDeadline' | 'noShowsDone'
>;
export type RsvpSettings = Pick<ClubEvent, 'capacity' | 'waitlist' | 'membersOnly' | 'rsvpDeadline'>;

/** Engagement's copies of club events (with their RSVP settings), their RSVPs and students' feeds. */
export const rsvpRepository = (db: DbOrTx) => ({
  /** The catalog's event as it is now; officers' RSVP settings are kept. */
  async upsertEvent(event: EventCopy) {
    const { id: _id, ...changes } = event;
    await db.insert(clubEvents).values(event).onConflictDoUpdate({ target: clubEvents.id, set: changes });
  },
  async cancelEvent(id: string) {
    await db.update(clubEvents).set({ cancelled: true }).where(eq(clubEvents.id, id));
  },
  /** A deleted club's events and (by cascade) their RSVPs. */
  async dropClubEvents(clubId: string) {
    await db.delete(clubEvents).where(eq(clubEvents.clubId, clubId));
  },
  async findEvent(clubId: string, eventId: string): Promise<ClubEvent | undefined> {
    const [row] = await db
      .select()
      .from(clubEvents)
      .where(and(eq(clubEvents.id, eventId), eq(clubEvents.clubId, clubId)));
    return row;
  },
  async saveSettings(eventId: string, settings: RsvpSettings): Promise<ClubEvent | undefined> {
    const [row] = await db.update(clubEvents).set(settings).where(eq(clubEvents.id, eventId)).returning();
    return row;
  },
  /** Serialises every change of an event's seats and waitlist until the transaction ends. */
  async lockEvent(eventId: string) {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`engagement:event:${eventId}`}))`);
  },
  /** Events that ended before `endedBefore` and still have their no-shows to mark. */
  eventsEndedBefore(endedBefore: Date, limit = 100): Promise<ClubEvent[]> {
    return db
      .select()
      .from(clubEvents)
      .where(
        and(
          lt(clubEvents.endsAt, endedBefore),
          eq(clubEvents.noShowsDone, false),
          eq(clubEvents.cancelled, false),
        ),
      )
      .limit(limit);
  },
  async markNoShowsDone(eventId: string) {
    await db.update(clubEvents).set({ noShowsDone: true }).where(eq(clubEvents.id, eventId));
  },

  /** A deleted account's RSVPs and feed (personal data); walk-in records by address stay anonymous. */
  async forgetAccount(accountId: string) {
    await db.delete(rsvps).where(eq(rsvps.accountId, accountId));
    await db.delete(calendarFeeds).where(eq(calendarFeeds.accountId, accountId));
  },

  async find(id: string): Promise<Rsvp | undefined> {
    const [row] = await db.select().from(rsvps).where(eq(rsvps.id, id));
    return row;
  },
  async findFor(eventId: string, accountId: string): Promise<Rsvp | undefined> {
    const [row] = await db
      .select()
      .from(rsvps)
      .where(and(eq(rsvps.eventId, eventId), eq(rsvps.accountId, accountId)));
    return row;
  },
  async findByEmail(eventId: string, email: string): Promise<Rsvp | undefined> {
    const [row] = await db
      .select()
      .from(rsvps)
      .where(and(eq(rsvps.eventId, eventId), sql`lower(${rsvps.email}) = ${email.toLowerCase()}`))
      .orderBy(asc(rsvps.createdAt))
      .limit(1);
    return row;
  },
  /** Inserts a new RSVP; undefined when the student already has one for this event (a race). */
  async create(row: Rsvp): Promise<Rsvp | undefined> {
    const [created] = await db.insert(rsvps).values(row).onConflictDoNothing().returning();
    return created;
  },
  /** Moves `id` from `from` to `to` only if it is still at `from`; undefined when it was not. */
  async move(
    id: string,
    from: RsvpStatus,
    to: RsvpStatus,
    at: Date,
    changes: Partial<Pick<Rsvp, 'queueNo' | 'checkIns' | 'email' | 'name'>> = {},
  ): Promise<Rsvp | undefined> {
    const [moved] = await db
      .update(rsvps)
      .set({ ...changes, status: to, updatedAt: at })
      .where(and(eq(rsvps.id, id), eq(rsvps.status, from)))
      .returning();
    return moved;
  },
  async counts(eventId: string): Promise<Record<string, number>> {
    const rows = await db
      .select({ status: rsvps.status, n: count() })
      .from(rsvps)
      .where(eq(rsvps.eventId, eventId))
      .groupBy(rsvps.status);
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
  },
  async countIn(eventId: string, statuses: readonly RsvpStatus[]): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(rsvps)
      .where(and(eq(rsvps.eventId, eventId), inArray(rsvps.status, [...statuses])));
    return Number(row?.n ?? 0);
  },
  /** The next place at the back of the waitlist (call under the event's lock). */
  async nextQueueNo(eventId: string): Promise<number> {
    const [row] = await db
      .select({ last: max(rsvps.queueNo) })
      .from(rsvps)
      .where(and(eq(rsvps.eventId, eventId), isNotNull(rsvps.queueNo)));
    return (row?.last ?? 0) + 1;
  },
  /** Places on the event's waitlist, 1 first, by RSVP id. */
  async waitlistPositions(eventId: string): Promise<Map<string, number>> {
    const rows = await db
      .select({ id: rsvps.id })
      .from(rsvps)
      .where(and(eq(rsvps.eventId, eventId), eq(rsvps.status, 'waitlisted')))
      .orderBy(asc(rsvps.queueNo), asc(rsvps.createdAt));
    return new Map(rows.map((row, i) => [row.id, i + 1]));
  },
  /** The first `n` on the waitlist, in order. */
  headOfWaitlist(eventId: string, n: number): Promise<Rsvp[]> {
    return db
      .select()
      .from(rsvps)
      .where(and(eq(rsvps.eventId, eventId), eq(rsvps.status, 'waitlisted')))
      .orderBy(asc(rsvps.queueNo), asc(rsvps.createdAt))
      .limit(n);
  },
  listFor(eventId: string, statuses?: readonly RsvpStatus[]): Promise<Rsvp[]> {
    const where = statuses?.length
      ? and(eq(rsvps.eventId, eventId), inArray(rsvps.status, [...statuses]))
      : eq(rsvps.eventId, eventId);
    return db.select().from(rsvps).where(where).orderBy(asc(rsvps.createdAt), asc(rsvps.id));
  },
  withStatus(eventId: string, status: RsvpStatus): Promise<Rsvp[]> {
    return db
      .select()
      .from(rsvps)
      .where(and(eq(rsvps.eventId, eventId), eq(rsvps.status, status)));
  },
  /** A student's RSVPs with their events, soonest event first. */
  ofAccount(accountId: string) {
    return db
      .select({ rsvp: rsvps, event: clubEvents })
      .from(rsvps)
      .innerJoin(clubEvents, eq(clubEvents.id, rsvps.eventId))
      .where(eq(rsvps.accountId, accountId))
      .orderBy(asc(clubEvents.startsAt));
  },

  /** A student as auth announced them (for an RSVP's name and address). */
  async person(accountId: string) {
    const [row] = await db.select().from(people).where(eq(people.accountId, accountId));
    return row;
  },
  async personByEmail(email: string) {
    const [row] = await db
      .select()
      .from(people)
      .where(sql`lower(${people.email}) = ${email.toLowerCase()}`)
      .limit(1);
    return row;
  },

  async feedToken(accountId: string): Promise<string | undefined> {
    const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.accountId, accountId));
    return row?.token;
  },
  /** The student's feed token: the stored one, or `token` if none was (a race keeps the first). */
  async ensureFeedToken(accountId: string, token: string): Promise<string> {
    await db.insert(calendarFeeds).values({ accountId, token }).onConflictDoNothing();
    return (await this.feedToken(accountId)) ?? token;
  },
  async feedOwner(token: string): Promise<string | undefined> {
    const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.token, token));
    return row?.accountId;
  },
});
