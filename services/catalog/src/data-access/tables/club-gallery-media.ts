import { index, text, uuid } from 'drizzle-orm/pg-core';
import { listOrder, schema } from './catalog-schema.js';
import { clubs } from './clubs.js';

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
