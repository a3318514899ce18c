import { index, integer, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { intArray, schema, timestamptz } from './catalog-schema.js';
import { clubs } from './clubs.js';

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
