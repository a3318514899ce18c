import type { DbOrTx } from '@sproul/common/db';
import type { ClubUpdatedV2, EventData } from '@sproul/common/events';
import { eq, lt } from 'drizzle-orm';
import { catalogSearches, clubs, rsoEmails, tags } from './schema.js';

type ClubSummaryV2 = EventData<typeof ClubUpdatedV2>['club'];
const date = (iso: string | null) => (iso ? new Date(iso) : null);

/** Writes of the catalog's read models: clubs (v2 snapshots), tag names, search counts; and the RSO list. */
export const catalogWrites = (db: DbOrTx) => ({
  /** A snapshot of the club (ClubCreated/ClubUpdated v2): the row becomes it. */
  async stated(clubId: string, club: ClubSummaryV2) {
    const row = {
      name: club.name,
      tags: club.tags,
      appRequired: club.app_required,
      newMembers: club.new_members,
      visible: club.visible,
      confirmed: club.confirmed,
      reactivated: club.reactivated,
      registeredAt: new Date(club.registered_at),
      reactivatedLast: date(club.reactivated_last),
      hasLogo: club.has_logo,
      hasBanner: club.has_banner,
      socialLinks: club.social_links,
      applyDeadlineStart: date(club.apply_deadline_start),
      applyDeadlineEnd: date(club.apply_deadline_end),
      recruitingStart: date(club.recruiting_start),
      recruitingEnd: date(club.recruiting_end),
      eventStarts: club.event_starts.map((start) => new Date(start)),
    };
    await db
      .insert(clubs)
      .values({ clubId, ...row })
      .onConflictDoUpdate({ target: clubs.clubId, set: row });
  },

  async deleted(clubId: string) {
    await db.delete(clubs).where(eq(clubs.clubId, clubId));
  },

  /** The whole tag set (a TagChanged snapshot) replaces the one kept. */
  async tagsAre(all: { id: number; name: string }[]) {
    await db.delete(tags);
    if (all.length > 0) await db.insert(tags).values(all);
  },

  /** A replica's search count; counts older than a day are dropped (the figures read 30 minutes). */
  async searchesCounted(countedTo: Date, count: number) {
    await db.insert(catalogSearches).values({ countedTo, count });
    await db
      .delete(catalogSearches)
      .where(lt(catalogSearches.countedTo, new Date(countedTo.getTime() - 86_400_000)));
  },

  async rsoEntry(email: string, listed: boolean) {
    await db
      .insert(rsoEmails)
      .values({ email, listed })
      .onConflictDoUpdate({ target: rsoEmails.email, set: { listed } });
  },
});
