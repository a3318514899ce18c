import { index, text, uuid } from 'drizzle-orm/pg-core';
import { listOrder, schema } from './catalog-schema.js';
import { clubs } from './clubs.js';

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
