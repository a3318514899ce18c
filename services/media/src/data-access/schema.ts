import { messagingTables } from '@sproul/common/messaging';
import { bigint, boolean, index, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every table of the media service lives in this PostgreSQL schema. */
export const schema = pgSchema('media');

export const { outbox, inbox, aggregateVersions, appliedVersions } = messagingTables(schema);

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Media's copy of the clubs (from the catalog's club events): who may upload to which club. A deleted
 * club stays as a tombstone, so that a token still naming it is refused.
 */
export const clubs = schema.table('clubs', {
  // Text, as the events carry them (idSchema): the demo clubs' owners are not UUIDs.
  id: text('id').primaryKey(),
  ownerUserId: text('owner_user_id').notNull(),
  linkName: text('link_name').notNull(),
  deleted: boolean('deleted').notNull().default(false),
});

export const imageStates = ['pending', 'live', 'to-delete'] as const;
export type ImageState = (typeof imageStates)[number];

/**
 * One stored image and where it is in its life: `pending` (intent recorded, objects being put),
 * `live` (shown), `to-delete` (replaced or removed: its objects go, then the row). A pending row
 * older than the grace period is an upload whose process died before it committed.
 */
export const images = schema.table(
  'images',
  {
    id: uuid('id').primaryKey(),
    clubId: text('club_id').notNull(),
    purpose: text('purpose', { enum: ['logo', 'banner', 'gallery'] }).notNull(),
    state: text('state', { enum: imageStates }).notNull().default('pending'),
    url: text('url').notNull(),
    /** The main WebP's key (the URL's object). */
    mainKey: text('main_key').notNull(),
    caption: text('caption').notNull().default(''),
    /** Gallery order; a picture that takes another's place takes its position too. */
    position: bigint('position', { mode: 'number' }).notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('images_club_idx').on(t.clubId, t.purpose, t.state), index('images_state_idx').on(t.state)],
);

/** The objects of each image: identical uploads share keys, so a key goes only when no live row uses it. */
export const imageObjects = schema.table(
  'image_objects',
  {
    imageId: uuid('image_id')
      .notNull()
      .references(() => images.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.imageId, t.key] }), index('image_objects_key_idx').on(t.key)],
);
