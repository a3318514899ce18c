import { messagingTables } from '@sproul/common/messaging';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** Every table of the catalog service lives in this PostgreSQL schema. */
export const schema = pgSchema('catalog');

export const { outbox, inbox, aggregateVersions, appliedVersions } = messagingTables(schema);

/** Club categories. Ids run 0..n-1 in list order: the upstream web client indexes them by position. */
export const tags = schema.table('tags', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
});

/** Member-count ranges ("1-20", …), indexed by position in the web client too. */
export const numUserTags = schema.table('num_user_tags', {
  id: integer('id').primaryKey(),
  value: text('value').notNull(),
});

/** Student metadata lookups, upstream's shapes (`{id, major}`, `{id, minor}`, `{id, year}`), ids 0..n-1. */
export const majors = schema.table('majors', {
  id: integer('id').primaryKey(),
  major: text('major').notNull(),
});

export const minors = schema.table('minors', {
  id: integer('id').primaryKey(),
  minor: text('minor').notNull(),
});

export const years = schema.table('years', {
  id: integer('id').primaryKey(),
  year: text('year').notNull(),
});

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const timestamptz = (name: string) => timestamp(name, { withTimezone: true });
const intArray = (name: string) => integer(name).array().notNull().default(sql`'{}'::integer[]`);
const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);
/**
 * Insertion order for a club's child lists (events, resources, FAQ, gallery): a bigint identity never
 * wraps and never collides, unlike upstream's slug ids (bug 9); the public id stays a UUID.
 */
const listOrder = () => bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity();

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
 * One row per club. Visible in the catalog iff `confirmed` (the officer confirmed the email) and
 * `reactivated`. Lists that officers edit item by item (events, resources, FAQ, gallery) are child
 * tables, so concurrent edits never overwrite each other and every item has a stable UUID.
 */
export const clubs = schema.table(
  'clubs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The officer account (auth's id) that owns the club: one club per officer. */
    ownerUserId: text('owner_user_id').notNull().unique(),
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
    registeredAt: timestamptz('registered_at').notNull().defaultNow(),
    lastUpdated: timestamptz('last_updated').notNull().defaultNow(),
    /**
     * Names and descriptions of the club's events and recruiting events, kept by the event repository
     * in the same transaction as any event change, so the search vector below can cover them.
     */
    eventsText: text('events_text').notNull().default(''),
  },
  (t) => [
    // Clubs are read far more than written: without fastupdate a write updates the index at once, instead
    // of queueing it in a pending list that every search scans (and that made the planner shun the index
    // after a bulk load until a vacuum).
    index('clubs_tags_idx').using('gin', t.tags).with({ fastupdate: false }),
    index('clubs_visible_name_idx')
      .on(sql`lower(${t.name})`, t.id)
      .where(sql`${t.confirmed} and ${t.reactivated}`),
    index('clubs_visible_updated_idx')
      .on(t.lastUpdated, t.id)
      .where(sql`${t.confirmed} and ${t.reactivated}`),
    index('clubs_filters_idx')
      .on(t.numUsers, t.appRequired, t.newMembers)
      .where(sql`${t.confirmed} and ${t.reactivated}`),
    index('clubs_owner_email_idx').on(t.ownerEmail),
  ],
);

/**
 * What text search reads: one narrow row per club, kept by a trigger on `clubs` (migration 0005) in the
 * same transaction as every change to the columns copied here, so it is never stale and no write path
 * can forget it. Searching here rather than in `clubs` is what makes a broad as-you-type prefix cheap:
 * such a prefix matches most clubs, and each match's row is read, ranked and counted; these rows hold
 * only what matching, filtering and ordering need (fixed-width columns first), not the descriptions
 * and links of a club's page (23 ms → 8 ms for a prefix matching 6 800 of 10 000 clubs). The page of
 * results is then joined back to `clubs` for its 20 rows.
 */
export const clubSearch = schema.table(
  'club_search',
  {
    clubId: uuid('club_id')
      .primaryKey()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    /** `clubs.confirmed and clubs.reactivated`: the catalog shows the club. */
    visible: boolean('visible').notNull(),
    appRequired: boolean('app_required').notNull(),
    newMembers: boolean('new_members').notNull(),
    numUsers: integer('num_users').notNull(),
    lastUpdated: timestamptz('last_updated').notNull(),
    applyDeadlineStart: timestamptz('apply_deadline_start'),
    applyDeadlineEnd: timestamptz('apply_deadline_end'),
    recruitingStart: timestamptz('recruiting_start'),
    recruitingEnd: timestamptz('recruiting_end'),
    tags: intArray('tags'),
    /** `lower(clubs.name)`: the name order of the catalog list. */
    nameKey: text('name_key').notNull(),
    /**
     * What search matches: the name, descriptions and events stemmed (english: "robots" finds "robot")
     * and as written (simple: a half-typed "sailin" is a prefix of "sailing", not of its stem "sail"),
     * each weighted by field (name A, about B, get involved C, events D).
     */
    searchVector: tsvector('search_vector').notNull(),
  },
  (t) => [
    // Only visible clubs are ever searched. Without fastupdate a write updates the index at once,
    // instead of queueing it in a pending list that every search scans.
    index('club_search_vector_idx')
      .using('gin', t.searchVector)
      .where(sql`${t.visible}`)
      .with({ fastupdate: false }),
  ],
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

/** Events and recruiting events (`kind`), upstream's Event / RecruitingEvent. */
export const clubEvents = schema.table(
  'club_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: listOrder(),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['event', 'recruiting'] }).notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Upstream's legacy single link, kept because the web client still sends and reads it. */
    link: text('link'),
    links: textArray('links'),
    /** Recruiting events only: a video-call link. */
    virtualLink: text('virtual_link'),
    location: text('location').notNull().default(''),
    tags: intArray('tags'),
    inviteOnly: boolean('invite_only').notNull().default(false),
    eventStart: timestamptz('event_start').notNull(),
    eventEnd: timestamptz('event_end').notNull(),
  },
  (t) => [
    index('club_events_club_idx').on(t.clubId, t.kind, t.seq),
    index('club_events_start_idx').on(t.eventStart),
  ],
);

export const clubResources = schema.table(
  'club_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: listOrder(),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    link: text('link').notNull(),
  },
  (t) => [index('club_resources_club_idx').on(t.clubId, t.seq)],
);

export const clubFaq = schema.table(
  'club_faq',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: listOrder(),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
  },
  (t) => [index('club_faq_club_idx').on(t.clubId, t.seq)],
);

/** Gallery pictures (upstream caps a club at 5). `objectKey` names the media service's stored object. */
export const clubGalleryMedia = schema.table(
  'club_gallery_media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: listOrder(),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    type: text('type', { enum: ['picture'] })
      .notNull()
      .default('picture'),
    url: text('url').notNull(),
    caption: text('caption').notNull().default(''),
    objectKey: text('object_key'),
  },
  (t) => [index('club_gallery_media_club_idx').on(t.clubId, t.seq)],
);

/** A student's catalog-side profile; the account itself (email, sign-in) belongs to auth. */
export const studentProfiles = schema.table('student_profiles', {
  userId: text('user_id').primaryKey(),
  email: text('email').notNull(),
  fullName: text('full_name').notNull().default(''),
  majors: intArray('majors'),
  minors: intArray('minors'),
  /** A years id. */
  year: integer('year'),
  /** Tag ids. */
  interests: intArray('interests'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

const studentRef = () =>
  text('student_id')
    .notNull()
    .references(() => studentProfiles.userId, { onDelete: 'cascade' });
const clubRef = () =>
  uuid('club_id')
    .notNull()
    .references(() => clubs.id, { onDelete: 'cascade' });

/** Favourite clubs in the student's order; a deleted club drops out by cascade. */
export const studentFavoriteClubs = schema.table(
  'student_favorite_clubs',
  {
    studentId: studentRef(),
    clubId: clubRef(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.studentId, t.clubId] }),
    index('student_favorite_clubs_club_idx').on(t.clubId),
  ],
);

/** The club board: three ordered columns of clubs per student (upstream let a club sit in several). */
export const studentBoardEntries = schema.table(
  'student_board_entries',
  {
    studentId: studentRef(),
    clubId: clubRef(),
    column: text('board_column', {
      enum: ['interested_clubs', 'applied_clubs', 'interviewed_clubs'],
    }).notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.studentId, t.column, t.clubId] }),
    index('student_board_entries_club_idx').on(t.clubId),
  ],
);

/** Clubs a student opened, most recent first; the repository keeps only the latest few (upstream grew without bound). */
export const studentVisitedClubs = schema.table(
  'student_visited_clubs',
  {
    studentId: studentRef(),
    clubId: clubRef(),
    visitedAt: timestamptz('visited_at').notNull().defaultNow(),
    visits: integer('visits').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.studentId, t.clubId] }),
    index('student_visited_clubs_recent_idx').on(t.studentId, t.visitedAt),
    index('student_visited_clubs_club_idx').on(t.clubId),
  ],
);
