import { type RouteDescription, successSchema } from '@sproul/common/openapi';
import { z } from 'zod';
import { clubBoardAnswer, studentClubAnswer, studentProfileAnswer } from './officer-answers.js';
import {
  clubBoardBody,
  favoriteClubsBody,
  finishRegistrationBody,
  studentProfileEditBody,
} from './student-schemas.js';

const TAG = 'Students';

const lookup = (path: string, key: string) =>
  ({
    method: 'get',
    path: `/api/student/${path}`,
    tag: TAG,
    summary: `The ${path} list, ids 0..n-1 (public)`,
    responses: {
      200: {
        description: `All ${path}`,
        schema: z.array(z.object({ id: z.number().int(), [key]: z.string() })),
      },
    },
  }) satisfies RouteDescription;

const signedIn = { tag: TAG, security: 'access' as const };
const favorites = { 200: { description: 'Favourite clubs, in order', schema: z.array(studentClubAnswer) } };
const board = { 200: { description: 'The club board', schema: clubBoardAnswer } };

/** `/api/student/*` data routes (sign-in and tokens are auth's). Needs a confirmed student's token. */
export const studentRouteDescriptions: RouteDescription[] = [
  lookup('majors', 'major'),
  lookup('minors', 'minor'),
  lookup('years', 'year'),
  {
    tag: TAG,
    security: 'access',
    method: 'post',
    path: '/api/student/finish-register',
    summary:
      "Set a new student's first majors, minors and interests (the token's own email; unconfirmed allowed)",
    body: finishRegistrationBody,
    responses: { 200: { description: 'Saved', schema: successSchema } },
    errors: [403],
  },
  {
    ...signedIn,
    method: 'get',
    path: '/api/student/profile',
    summary: "The student's profile, favourites, board and recommended clubs",
    responses: { 200: { description: 'Profile', schema: studentProfileAnswer } },
  },
  {
    ...signedIn,
    method: 'post',
    path: '/api/student/profile',
    summary: 'Edit majors, minors, interests, year, name (keys absent stay)',
    body: studentProfileEditBody,
    responses: { 200: { description: 'Profile', schema: studentProfileAnswer } },
  },
  {
    ...signedIn,
    method: 'get',
    path: '/api/student/favorite-clubs',
    summary: 'Favourite clubs, in the order added',
    responses: favorites,
  },
  {
    ...signedIn,
    method: 'post',
    path: '/api/student/favorite-clubs',
    summary: 'Add favourite clubs by link name (order kept, no duplicates)',
    body: favoriteClubsBody,
    responses: favorites,
    errors: [404],
  },
  {
    ...signedIn,
    method: 'delete',
    path: '/api/student/favorite-clubs',
    summary: 'Remove favourite clubs by link name',
    body: favoriteClubsBody,
    responses: favorites,
    errors: [404],
  },
  {
    ...signedIn,
    method: 'get',
    path: '/api/student/club-board',
    summary: 'The club board',
    responses: board,
  },
  {
    ...signedIn,
    method: 'put',
    path: '/api/student/club-board',
    summary: 'Replace board columns (columns absent stay; empty ones allowed)',
    body: clubBoardBody,
    responses: board,
    errors: [404],
  },
];
