import { messagingTables, replayTables } from '@sproul/common/messaging';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/** Every table of the engagement service lives in this PostgreSQL schema. */
export const schema = pgSchema('engagement');

export const { outbox, inbox, aggregateVersions, appliedVersions } = messagingTables(schema);

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

// Ids of clubs and accounts are text, as the events carry them (idSchema): the demo accounts are not UUIDs.

/**
 * Engagement's copy of the catalog's clubs (ClubCreated/Updated v1, ClubDeleted): whether they take
 * members and how. A deleted club stays as a tombstone, so its link answers 404 and a late event
 * cannot bring it back.
 */
export const clubs = schema.table(
  'clubs',
  {
    id: text('id').primaryKey(),
    linkName: text('link_name').notNull(),
    name: text('name').notNull(),
    /** The catalog's `new_members`. */
    accepting: boolean('accepting').notNull(),
    /** The catalog's `app_required`. */
    applicationRequired: boolean('application_required').notNull(),
    deleted: boolean('deleted').notNull().default(false),
  },
  (t) => [index('clubs_link_name_idx').on(t.linkName)],
);

/** Who runs which club (auth's ClubOfficerChanged): every club route checks the caller against this. */
export const officers = schema.table(
  'officers',
  {
    clubId: text('club_id').notNull(),
    accountId: text('account_id').notNull(),
    role: text('role', { enum: ['owner', 'officer'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.clubId, t.accountId] }), index('officers_account_idx').on(t.accountId)],
);

/** Students' names and addresses (UserRegistered), for rosters and the CSV export. */
export const people = schema.table('people', {
  accountId: text('account_id').primaryKey(),
  email: text('email').notNull(),
  name: text('name'),
});

/** What a student told the catalog of their studies (StudentProfileUpdated): an application's defaults. */
export const studentProfiles = schema.table('student_profiles', {
  accountId: text('account_id').primaryKey(),
  year: integer('year'),
  majors: jsonb('majors').$type<number[]>().notNull().default([]),
});

/** A club's application questions, in order (at most 20 per club). */
export const applicationQuestions = schema.table(
  'application_questions',
  {
    id: uuid('id').primaryKey(),
    clubId: text('club_id').notNull(),
    position: integer('position').notNull(),
    prompt: text('prompt').notNull(),
    required: boolean('required').notNull(),
    /** Answers allowed, or null for free text. */
    choices: jsonb('choices').$type<string[] | null>(),
  },
  (t) => [index('application_questions_club_idx').on(t.clubId, t.position)],
);

/** Where one student stands with one club: an application and then a membership, in one record. */
export const memberships = schema.table(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    clubId: text('club_id').notNull(),
    accountId: text('account_id').notNull(),
    status: text('status').notNull(),
    /** Question id → answer, as given with the latest application. */
    answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
    hasResume: boolean('has_resume').notNull().default(false),
    year: integer('year'),
    major: integer('major'),
    appliedAt: timestamptz('applied_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    unique('memberships_club_account_unique').on(t.clubId, t.accountId),
    index('memberships_club_status_idx').on(t.clubId, t.status),
    index('memberships_account_idx').on(t.accountId),
  ],
);

/** Every move of a membership: from (null when created), to, by which side, who, and why. */
export const membershipMoves = schema.table(
  'membership_moves',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    by: text('by', { enum: ['student', 'officer', 'platform'] }).notNull(),
    actorId: text('actor_id'),
    note: text('note'),
    at: timestamptz('at').notNull(),
  },
  (t) => [index('membership_moves_membership_idx').on(t.membershipId, t.id)],
);

/**
 * A bulk email an officer sent to some of the club's people; its id is the mailer's `bulkId`. `filter`
 * is the `to` object as asked, kept to show whom it went to. Counted per club for the send rate limit.
 */
export const messages = schema.table(
  'messages',
  {
    id: uuid('id').primaryKey(),
    clubId: text('club_id').notNull(),
    sentBy: text('sent_by').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [index('messages_club_created_idx').on(t.clubId, t.createdAt)],
);

/**
 * One recipient of a message, by lower-cased address (as the mailer keys them and reports outcomes):
 * `pending` until BulkEmailProgressed names its final outcome.
 */
export const messageRecipients = schema.table(
  'message_recipients',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    accountId: text('account_id').notNull(),
    name: text('name'),
    status: text('status').notNull(),
    error: text('error'),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.messageId, t.email] }),
    index('message_recipients_account_idx').on(t.accountId),
  ],
);

/**
 * Replays engagement asked auth and the catalog for (its first start: events from before its queue
 * existed never reached it), and their answers; the tables every asker has (see replayTables).
 */
export const { replays, replayAnswers } = replayTables(schema);

// ---- Polls, feedback and SMS reminders (issue 21) -------------------------------------------------

/** One option of a poll: its id (what a vote names) and its text. */
export interface PollOption {
  id: string;
  text: string;
}

/**
 * A question an officer put to the club's members. Open while `closed_at` is null and `closes_at` is
 * in the future; an officer's early close sets `closed_at`.
 */
export const polls = schema.table(
  'polls',
  {
    id: uuid('id').primaryKey(),
    clubId: text('club_id').notNull(),
    question: text('question').notNull(),
    options: jsonb('options').$type<PollOption[]>().notNull(),
    anonymous: boolean('anonymous').notNull(),
    closesAt: timestamptz('closes_at').notNull(),
    closedAt: timestamptz('closed_at'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [index('polls_club_created_idx').on(t.clubId, t.createdAt)],
);

/**
 * One member's vote, changed in place until the poll closes. `voter` is the account id for an open
 * (non-anonymous) poll, and for an anonymous one a keyed hash of poll and account
 * (domain/polls/ballot-key.ts): it keeps one vote per member and finds the caller's own vote, and no
 * route can turn it back into a person.
 */
export const pollVotes = schema.table(
  'poll_votes',
  {
    pollId: uuid('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    voter: text('voter').notNull(),
    optionId: text('option_id').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.voter] })],
);

/**
 * Feedback from any signed-in account about an event (club + the event's id), a club, or the platform.
 * Counted per account for the rate limit, so the limit survives restarts.
 */
export const feedback = schema.table(
  'feedback',
  {
    id: uuid('id').primaryKey(),
    accountId: text('account_id').notNull(),
    kind: text('kind', { enum: ['event', 'club', 'platform'] }).notNull(),
    clubId: text('club_id'),
    eventId: uuid('event_id'),
    rating: integer('rating').notNull(),
    comment: text('comment').notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    index('feedback_account_created_idx').on(t.accountId, t.createdAt),
    index('feedback_club_idx').on(t.clubId, t.createdAt),
    index('feedback_kind_created_idx').on(t.kind, t.createdAt),
  ],
);

/** A student's reminder choices (`PUT /api/student/reminders`); no row: no reminders. */
export const reminderPreferences = schema.table('reminder_preferences', {
  accountId: text('account_id').primaryKey(),
  sms: boolean('sms').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

/** Accounts' verified phone numbers, as auth's PhoneNumberChanged gives them (null removes the row). */
export const verifiedPhones = schema.table('verified_phones', {
  accountId: text('account_id').primaryKey(),
  phone: text('phone').notNull(),
});

/** The reminder SMS sent to a student for an event: at most one per (student, event), whatever the job's ticks. */
export const remindersSent = schema.table(
  'reminders_sent',
  {
    accountId: text('account_id').notNull(),
    eventId: text('event_id').notNull(),
    sentAt: timestamptz('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.eventId] })],
);
// ---- RSVPs, tickets and check-in (issue 21) ----

/**
 * Engagement's copy of the catalog's club events (ClubEventScheduled/Changed), with the RSVP settings
 * officers give here. A cancelled event stays (its RSVPs stay in students' feeds) but takes no RSVPs.
 */
export const clubEvents = schema.table(
  'club_events',
  {
    id: text('id').primaryKey(),
    clubId: text('club_id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    location: text('location').notNull(),
    startsAt: timestamptz('starts_at').notNull(),
    endsAt: timestamptz('ends_at').notNull(),
    inviteOnly: boolean('invite_only').notNull(),
    cancelled: boolean('cancelled').notNull().default(false),
    /** Seats for `going` + `checked_in`; null is unlimited. */
    capacity: integer('capacity'),
    waitlist: boolean('waitlist').notNull().default(true),
    membersOnly: boolean('members_only').notNull().default(false),
    /** Null: RSVPs close when the event starts. */
    rsvpDeadline: timestamptz('rsvp_deadline'),
    /** Set once the no-show job moved its unattended `going` RSVPs. */
    noShowsDone: boolean('no_shows_done').notNull().default(false),
  },
  (t) => [index('club_events_club_idx').on(t.clubId), index('club_events_ends_idx').on(t.endsAt)],
);

/**
 * One student's (or walk-in's) place at an event. `queueNo` orders the waitlist (set, under the
 * event's lock, each time the RSVP joins it); a walk-in nobody knows has no account, only an email.
 */
export const rsvps = schema.table(
  'rsvps',
  {
    id: uuid('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => clubEvents.id, { onDelete: 'cascade' }),
    clubId: text('club_id').notNull(),
    accountId: text('account_id'),
    email: text('email').notNull(),
    name: text('name'),
    status: text('status').notNull(),
    queueNo: integer('queue_no'),
    checkIns: integer('check_ins').notNull().default(0),
    walkIn: boolean('walk_in').notNull().default(false),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    unique('rsvps_event_account_unique').on(t.eventId, t.accountId),
    index('rsvps_event_status_idx').on(t.eventId, t.status),
    index('rsvps_account_idx').on(t.accountId),
  ],
);

/** A student's personal iCalendar feed: a random, unguessable token (the URL is the credential). */
export const calendarFeeds = schema.table('calendar_feeds', {
  accountId: text('account_id').primaryKey(),
  token: text('token').notNull().unique(),
});
