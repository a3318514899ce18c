import { type Role, requireAuth, requiredBearerToken, type TokenVerifier } from '@sproul/common/auth';
import { Router } from 'express';
import type { AuthContext } from '../../domain/auth-context.js';
import { endSessionOf, refreshSession, revokeAccessToken } from '../../domain/sessions.js';

/**
 * `refresh`, `revoke-access` and `revoke-refresh`, the same under /api/user, /api/monitor and
 * /api/student (upstream duplicated them, and crashed in two of the copies). `roles` limits whose
 * access tokens revoke-access takes; refresh tokens name their own session.
 */
export function sessionRoutes(ctx: AuthContext, verifier: TokenVerifier, ...roles: Role[]) {
  const router = Router();
  router.post('/refresh', async (req, res) => {
    res.json(await refreshSession(ctx, requiredBearerToken(req)));
  });
  router.delete('/revoke-access', requireAuth(verifier, ...roles), async (req, res) => {
    await revokeAccessToken(ctx, req.auth!);
    res.json({ status: 'success', message: 'Access token revoked!' });
  });
  router.delete('/revoke-refresh', async (req, res) => {
    await endSessionOf(ctx, requiredBearerToken(req));
    res.json({ status: 'success', message: 'Refresh token revoked!' });
  });
  return router;
}
