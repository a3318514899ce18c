import type { TokenVerifier } from '@sproul/common/auth';
import { AppError } from '@sproul/common/errors';
import { Router } from 'express';
import { z } from 'zod';
import type { AuthContext } from '../../domain/auth-context.js';
import { authenticate } from '../../domain/login.js';
import { requestMagicLink, signInWithMagicLink } from '../../domain/magic-links.js';
import { deleteAccount, getProfile, updateProfile } from '../../domain/self-service.js';
import { startSession } from '../../domain/sessions.js';
import { emailBody, password } from './schemas.js';
import { basicCredentials, selfServiceAuth } from './self-service-auth.js';
import { afterAnswering } from './user-routes.js';

const profileChanges = z
  .strictObject({
    name: z.string().trim().min(1).max(100).nullable().optional(),
    password: password.optional(),
    current_password: password.optional(),
  })
  .refine((body) => body.name !== undefined || body.password !== undefined, 'send name and/or password')
  .refine((body) => body.password === undefined || body.current_password !== undefined, {
    path: ['current_password'],
    message: 'required to set a new password',
  });

/**
 * `/api/user` account self-service (the simple user-auth API) and magic links (Flux, LCS). Mounted
 * beside the upstream routes; the paths do not overlap (GET /login here, POST /login upstream).
 */
export function selfServiceRoutes(ctx: AuthContext, verifier: TokenVerifier) {
  const router = Router();
  const authenticated = selfServiceAuth(ctx, verifier);

  router.get('/login', async (req, res) => {
    let basic: [string, string] | undefined;
    try {
      basic = basicCredentials(req);
    } catch {} // malformed Basic: answered like wrong credentials, with the challenge
    const account = basic && (await authenticate(ctx, basic[0], basic[1], ['officer', 'member', 'student']));
    if (!account) {
      res.setHeader('WWW-Authenticate', 'Basic realm="sproul"');
      throw new AppError('AUTH.UNAUTHORIZED', 401, 'Unauthorized');
    }
    const tokens = await ctx.transaction((unit) => startSession(ctx, unit, account));
    res.json({ token: tokens.access, expires_in: tokens.access_expires_in });
  });

  router.get('/', authenticated, async (req, res) => {
    res.json(await getProfile(ctx, req.accountId!));
  });
  router.patch('/', authenticated, async (req, res) => {
    const { current_password: currentPassword, ...changes } = profileChanges.parse(req.body);
    await updateProfile(ctx, req.accountId!, { ...changes, currentPassword });
    res.json({ status: 'success' });
  });
  router.delete('/', authenticated, async (req, res) => {
    await deleteAccount(ctx, req.accountId!);
    res.json({ status: 'success' });
  });

  router.post('/magic-link', async (req, res) => {
    const { email } = emailBody.parse(req.body);
    res.json({ status: 'success' });
    afterAnswering(ctx, 'magic-link', () => requestMagicLink(ctx, email));
  });
  router.get('/magic-link/:token', async (req, res) => {
    res.json(await signInWithMagicLink(ctx, String(req.params.token)));
  });
  return router;
}
