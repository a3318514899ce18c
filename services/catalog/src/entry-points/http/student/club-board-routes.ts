import { clubBoard } from '../../../domain/students/club-board.js';
import { replaceClubBoard } from '../../../domain/students/replace-club-board.js';
import { clubBoardAnswer } from '../officer-answers.js';
import { route } from '../route.js';
import { clubBoardView } from '../student-club-views.js';
import { clubBoardBody } from '../student-schemas.js';
import { confirmed, me, STUDENT, TAG } from './student.js';

const board = { 200: { description: 'The club board', schema: clubBoardAnswer } };

/** The signed-in student's club board: columns of clubs they are considering, applied to, and so on. */
export const clubBoardRoutes = [
  route(
    {
      method: 'get',
      path: '/api/student/club-board',
      tag: TAG,
      auth: STUDENT,
      authorize: confirmed,
      summary: 'The club board',
      responses: board,
    },
    async ({ ctx, claims }) => clubBoardView(await clubBoard(ctx.db, me(claims)), ctx.config.CAMPUS_TZ),
  ),
  route(
    {
      method: 'put',
      path: '/api/student/club-board',
      tag: TAG,
      auth: STUDENT,
      authorize: confirmed,
      summary: 'Replace board columns (columns absent stay; empty ones allowed)',
      body: clubBoardBody,
      responses: board,
      errors: [404],
    },
    async ({ ctx, claims, body }) => {
      return clubBoardView(await replaceClubBoard(ctx.db, me(claims), body), ctx.config.CAMPUS_TZ);
    },
  ),
];
