import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { intArray, schema, timestamptz } from './catalog-schema.js';

/** Upstream's social links: `contact_email` plus optional URLs, always returned as an object. */
export interface SocialMediaLinks {
  contact_email?: string | null;
  website?: string | null;
  facebook?: string | null;
  instagram?: string | null;
  linkedin?: string | null;
  twitter?: string | null;
  youtube?: string | null;
  github?: string | null;
  behance?: string | null;
  medium?: string | null;
  gcalendar?: string | null;
  discord?: string | null;
}

/**
 * One row per club. Visible in the catalog iff `confirmed` (the officer confirmed the email),
 * `reactivated` and not `hidden` (by an admin). Lists that officers edit item by item (events, resources, FAQ, gallery) are child
 * tables, so concurrent edits never overwrite each other and every item has a stable UUID.
 */
export const clubs = schema.table(
  'clubs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /**
     * The account (auth's id) that owns the club: the registrant, then whoever ownership was transferred
     * to (ClubOfficerChanged). An account may own several clubs (registered one, was handed another).
     */
    ownerUserId: text('owner_user_id').notNull(),
    ownerEmail: text('owner_email').notNull(),
    name: text('name').notNull(),
    /** The public id in URLs: a slug of the name, unique. Former ones live in club_link_redirects. */
    linkName: text('link_name').notNull().unique(),
    tags: intArray('tags'),
    appRequired: boolean('app_required').notNull().default(false),
    newMembers: boolean('new_members').notNull().default(false),
    /** A num_user_tags id. */
    numUsers: integer('num_users').notNull().default(0),
    logoUrl: text('logo_url'),
    bannerUrl: text('banner_url'),
    aboutUs: text('about_us').notNull().default(''),
    getInvolved: text('get_involved').notNull().default(''),
    applyLink: text('apply_link'),
    applyDeadlineStart: timestamptz('apply_deadline_start'),
    applyDeadlineEnd: timestamptz('apply_deadline_end'),
    recruitingStart: timestamptz('recruiting_start'),
    recruitingEnd: timestamptz('recruiting_end'),
    socialMediaLinks: jsonb('social_media_links').$type<SocialMediaLinks>().notNull().default({}),
    confirmed: boolean('confirmed').notNull().default(false),
    reactivated: boolean('reactivated').notNull().default(true),
    reactivatedLast: timestamptz('reactivated_last'),
    /** Hidden by an admin: out of every public view whatever the officer does, who still edits it. */
    hidden: boolean('hidden').notNull().default(false),
    registeredAt: timestamptz('registered_at').notNull().defaultNow(),
    lastUpdated: timestamptz('last_updated').notNull().defaultNow(),
    /**
     * Names and descriptions of the club's events and recruiting events, kept by the event repository
     * in the same transaction as any event change, so the search vector below can cover them.
     */
    eventsText: text('events_text').notNull().default(''),
    /**
     * Members (status `member`) as engagement last counted them (ClubMembersCounted): a copy for the
     * club's page and the catalog list; the newest count stands (events' aggregate versions). Not an
     * officer's edit, so it moves neither `last_updated` nor the search row (the trigger ignores it).
     */
    memberCount: integer('member_count').notNull().default(0),
  },
  (t) => [
    // Clubs are read far more than written: without fastupdate a write updates the index at once, instead
    // of queueing it in a pending list that every search scans (and that made the planner shun the index
    // after a bulk load until a vacuum).
    index('clubs_tags_idx').using('gin', t.tags).with({ fastupdate: false }),
    index('clubs_visible_name_idx')
      .on(sql`lower(${t.name})`, t.id)
      .where(sql`${t.confirmed} and ${t.reactivated} and not ${t.hidden}`),
    index('clubs_visible_updated_idx')
      .on(t.lastUpdated, t.id)
      .where(sql`${t.confirmed} and ${t.reactivated} and not ${t.hidden}`),
    index('clubs_filters_idx')
      .on(t.numUsers, t.appRequired, t.newMembers)
      .where(sql`${t.confirmed} and ${t.reactivated} and not ${t.hidden}`),
    index('clubs_owner_email_idx').on(t.ownerEmail),
    index('clubs_owner_user_idx').on(t.ownerUserId),
  ],
);

/**
 * The (club, account) pairs whose latest ClubOfficerChanged says `owner`. Auth orders those events per
 * pair only, so during a transfer, or two quick ones, the pairs may briefly disagree (two owners, or
 * none); when every event has arrived exactly one pair remains. `clubs.owner_user_id` follows it.
 */
export const clubOwnerGrants = schema.table(
  'club_owner_grants',
  {
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    accountId: text('account_id').notNull(),
    email: text('email').notNull(),
    grantedAt: timestamptz('granted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clubId, t.accountId] })],
);

/** Former link names of renamed clubs, so old URLs answer with a redirect to the current one. */
export const clubLinkRedirects = schema.table(
  'club_link_redirects',
  {
    linkName: text('link_name').primaryKey(),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('club_link_redirects_club_idx').on(t.clubId)],
);
