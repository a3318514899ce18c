import { z } from 'zod';
import { login } from '../../domain/login.js';
import { registerStudent } from '../../domain/students.js';
import { ok, STUDENT, sessionTokens, signedIn, success } from './answers.js';
import { route } from './route.js';
import { credentialsBody, email, password } from './schemas.js';

const registration = z.strictObject({ email, password, name: z.string().trim().min(1).max(100) });

/** `/api/student` accounts: single sign-on, or email and password. */
export const studentRoutes = [
  // Upstream's single route for both legs: without `code`/`error` it starts, with them it finishes.
  // The raw query string is read as is (repeated or odd parameters included), so it is documented only.
  route(
    {
      method: 'get',
      path: '/api/student/login',
      tag: STUDENT,
      summary: 'Single sign-on: starts (302 to the provider) and finishes (with code and state)',
      documented: {
        query: z.object({
          code: z.string().optional(),
          state: z.string().optional(),
          error: z.string().optional(),
        }),
      },
      responses: {
        200: {
          description: 'Signed in',
          schema: z.object({
            is_new_user: z.boolean(),
            profile: z.object({ name: z.string().nullable(), email: z.string() }),
            token: sessionTokens,
          }),
        },
        302: { description: 'To the provider' },
      },
      errors: [400, 403, 409, 503],
    },
    async ({ ctx, req, res }) => {
      const query = new URL(req.originalUrl, 'http://x').searchParams;
      if (query.has('code') || query.has('error')) return ctx.signOn.finish(query);
      res.redirect(302, await ctx.signOn.begin());
    },
  ),
  route(
    {
      method: 'post',
      path: '/api/student/register',
      tag: STUDENT,
      summary: 'Student sign-up with a campus email and a password',
      body: registration,
      responses: ok,
      errors: [403, 429],
    },
    async ({ ctx, body }) => {
      await registerStudent(ctx, body);
      return success;
    },
  ),
  route(
    {
      method: 'post',
      path: '/api/student/login',
      tag: STUDENT,
      summary: 'Student sign-in with a password',
      body: credentialsBody,
      responses: signedIn,
      errors: [429],
    },
    ({ ctx, body }) => login(ctx, body.email, body.password, ['student'], 'student'),
  ),
];
