import { index, text, uuid } from 'drizzle-orm/pg-core';
import { listOrder, schema } from './catalog-schema.js';
import { clubs } from './clubs.js';

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
