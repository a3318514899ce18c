import { z } from 'zod';
import type { CatalogContext } from '../../../domain/catalog-context.js';
import { addFavoriteClubs } from '../../../domain/students/add-favorite-clubs.js';
import { favoriteClubs } from '../../../domain/students/favorite-clubs.js';
import { removeFavoriteClubs } from '../../../domain/students/remove-favorite-clubs.js';
import type { ClubWithEvents } from '../../../domain/students/with-events.js';
import { studentClubAnswer } from '../officer-answers.js';
import { route } from '../route.js';
import { studentClubView } from '../student-club-views.js';
import { favoriteClubsBody } from '../student-schemas.js';
import { confirmed, me, STUDENT, TAG } from './student.js';

const favorites = { 200: { description: 'Favourite clubs, in order', schema: z.array(studentClubAnswer) } };
const base = {
  tag: TAG,
  auth: STUDENT,
  authorize: confirmed,
  path: '/api/student/favorite-clubs',
  responses: favorites,
} as const;
const views = (ctx: CatalogContext, clubs: ClubWithEvents[]) =>
  clubs.map((club) => studentClubView(club, ctx.config.CAMPUS_TZ));

/** The signed-in student's favourite clubs, by link name. */
export const favoriteRoutes = [
  route({ ...base, method: 'get', summary: 'Favourite clubs, in the order added' }, async ({ ctx, claims }) =>
    views(ctx, await favoriteClubs(ctx.db, me(claims))),
  ),
  route(
    {
      ...base,
      method: 'post',
      summary: 'Add favourite clubs by link name (order kept, no duplicates)',
      body: favoriteClubsBody,
      errors: [404],
    },
    async ({ ctx, claims, body }) => {
      return views(ctx, await addFavoriteClubs(ctx, me(claims), body.clubs));
    },
  ),
  route(
    {
      ...base,
      method: 'delete',
      summary: 'Remove favourite clubs by link name',
      body: favoriteClubsBody,
      errors: [404],
    },
    async ({ ctx, claims, body }) => {
      return views(ctx, await removeFavoriteClubs(ctx, me(claims), body.clubs));
    },
  ),
];
