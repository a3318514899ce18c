import type { TokenVerifier } from '@sproul/common/auth';
import { Router } from 'express';
import { z } from 'zod';
import type { AuthContext } from '../../domain/auth-context.js';
import { login } from '../../domain/login.js';
import { studentSignOn } from '../../domain/student-sign-on.js';
import { registerStudent } from '../../domain/students.js';
import { credentialsBody, email, password } from './schemas.js';

const registration = z.strictObject({ email, password, name: z.string().trim().min(1).max(100) });

/**
 * `/api/student` accounts: email + password sign-up and sign-in (single sign-on arrives beside it),
 * and the refresh/revoke routes that upstream left unusable (always 401).
 */
export function studentRoutes(ctx: AuthContext, _verifier: TokenVerifier) {
  const router = Router();
  const signOn = studentSignOn(ctx);
  // Upstream's single route for both legs: without `code`/`error` it starts, with them it finishes.
  router.get('/login', async (req, res) => {
    const query = new URL(req.originalUrl, 'http://x').searchParams;
    if (query.has('code') || query.has('error')) {
      res.json(await signOn.finish(query));
      return;
    }
    res.redirect(302, await signOn.begin());
  });
  router.post('/register', async (req, res) => {
    await registerStudent(ctx, registration.parse(req.body));
    res.json({ status: 'success' });
  });
  router.post('/login', async (req, res) => {
    const body = credentialsBody.parse(req.body);
    res.json(await login(ctx, body.email, body.password, ['student']));
  });
  return router;
}
