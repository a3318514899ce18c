import { messagingTables } from '@sproul/common/messaging';
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Every table of the auth service lives in this PostgreSQL schema. */
export const schema = pgSchema('auth');

export const { outbox, inbox, aggregateVersions, appliedVersions } = messagingTables(schema);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Officers, students, members and admins. Emails are stored normalised (trimmed, lower case). */
export const accounts = schema.table('accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  role: text('role', { enum: ['officer', 'student', 'member', 'admin'] }).notNull(),
  /**
   * The account's own kind while a platform role (admin, granted by another admin) overrides `role`;
   * revoking the platform role gives it back. Null otherwise.
   */
  ownRole: text('own_role', { enum: ['officer', 'student', 'member'] }),
  /** argon2id; null for accounts that sign in only through a provider or magic links. */
  passwordHash: text('password_hash'),
  name: text('name'),
  confirmed: boolean('confirmed').notNull().default(false),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /**
   * The club this account registered, learned from the catalog's ClubCreated event. Which clubs an
   * account acts for is `club_officers`, not this.
   */
  clubId: text('club_id'),
  /** For students signing in with an OpenID Connect provider: the provider's subject. */
  oidcSubject: text('oidc_subject').unique(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A session is a refresh-token family. Each refresh mints the next generation; presenting a generation
 * older than one already presented is reuse, and ends the whole family.
 */
export const sessions = schema.table(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    latestGeneration: integer('latest_generation').notNull().default(0),
    highestPresented: integer('highest_presented').notNull().default(0),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    /** The club the session's access tokens act for (their `club` claim); refresh keeps it. */
    clubId: text('club_id'),
    /**
     * What the session acts as, chosen by the sign-in that opened it: `officer` (an officer sign-in by
     * an account that is an officer, an admin or runs a club: `role: officer`, admins stay `admin`, and
     * a club) or `self` (a student sign-in, or an account running no club: the account's own kind, no club).
     */
    actingAs: text('acting_as', { enum: ['officer', 'self'] })
      .notNull()
      .default('self'),
  },
  (table) => [index('sessions_account_idx').on(table.accountId).where(sql`${table.revokedAt} is null`)],
);

/** Confirmation, password-reset and magic-link tokens: single-use, stored as SHA-256 hashes only. */
export const emailTokens = schema.table(
  'email_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['confirm', 'reset', 'magic'] }).notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [index('email_tokens_account_idx').on(table.accountId, table.kind)],
);

/** The RSO allow-list: officer registration is open only to these (normalised) emails. */
export const rsoEmails = schema.table('rso_emails', {
  email: text('email').primaryKey(),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
});

/** ES256 signing keys. Retired keys stay published until every token they signed has expired. */
export const signingKeys = schema.table(
  'signing_keys',
  {
    kid: text('kid').primaryKey(),
    publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
    /** The private JWK as JSON, AES-256-GCM encrypted when KEY_ENCRYPTION_SECRET is set. */
    privateJwk: text('private_jwk').notNull(),
    createdAt: createdAt(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('signing_keys_one_active').on(sql`(true)`).where(sql`${table.retiredAt} is null`)],
);

/** Local copies of the catalog's tags and member-count ranges (from TagChanged), to validate registrations. */
export const knownTags = schema.table('known_tags', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
});

export const knownNumUserTags = schema.table('known_num_user_tags', {
  id: integer('id').primaryKey(),
  value: text('value').notNull(),
});

/** Auth's copy of the catalog's clubs (ClubCreated, ClubUpdated, ClubDeleted): names for invitations. */
export const clubs = schema.table('clubs', {
  id: text('id').primaryKey(),
  linkName: text('link_name').notNull(),
  name: text('name').notNull(),
});

/**
 * Who runs each club: exactly one owner (the partial unique index) and any number of officers. No
 * foreign key to `clubs`: a grant may arrive before the club's copy does (events are not ordered across
 * aggregates).
 */
export const clubOfficers = schema.table(
  'club_officers',
  {
    clubId: text('club_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'officer'] }).notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who invited them; null when the platform granted it (club registration). */
    grantedBy: uuid('granted_by'),
  },
  (table) => [
    primaryKey({ columns: [table.clubId, table.accountId] }),
    uniqueIndex('club_officers_one_owner').on(table.clubId).where(sql`${table.role} = 'owner'`),
    index('club_officers_account_idx').on(table.accountId),
  ],
);

/**
 * Invitations to join a club's team, emailed as a single-use link (only the token's SHA-256 is kept).
 * At most one pending invitation per club and address: a new one revokes the one before.
 */
export const invitations = schema.table(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clubId: text('club_id').notNull(),
    /** Normalised (trimmed, lower case). */
    email: text('email').notNull(),
    role: text('role', { enum: ['officer'] }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('invitations_one_pending')
      .on(table.clubId, table.email)
      .where(sql`${table.acceptedAt} is null and ${table.revokedAt} is null`),
  ],
);

/**
 * Verified phone numbers: at most one per account, and a number verified on one account only (the
 * unique index: a second account proving the same number is refused, 409).
 */
export const phoneNumbers = schema.table('phone_numbers', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  phone: text('phone').notNull().unique(),
  verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
});

/**
 * The one pending phone verification of an account: a 6-digit code sent by SMS, kept only as an HMAC
 * (peppered: a 6-digit code's plain hash is reversed by trying the million), dead after `attempts`
 * reaches the limit or at `expires_at`. A new code replaces the pending one.
 */
export const phoneChallenges = schema.table('phone_challenges', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  phone: text('phone').notNull(),
  codeHash: text('code_hash').notNull(),
  attempts: integer('attempts').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * Every code sent, counted per account and per number for the send-rate limit (in the database, so a
 * restart does not reset it). Rows older than the window are pruned as new ones are written, so a
 * deleted account's number stays here at most that long.
 */
export const phoneCodeSends = schema.table(
  'phone_code_sends',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** No foreign key: deleting the account and registering again must not reset the count. */
    accountId: uuid('account_id').notNull(),
    phone: text('phone').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('phone_code_sends_account_idx').on(table.accountId, table.sentAt),
    index('phone_code_sends_phone_idx').on(table.phone, table.sentAt),
  ],
);
