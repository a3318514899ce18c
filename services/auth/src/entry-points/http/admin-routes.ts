import { requireAuth, type TokenVerifier } from '@sproul/common/auth';
import { Router } from 'express';
import type { AuthContext } from '../../domain/auth-context.js';
import { changePassword } from '../../domain/password-reset.js';
import { changePasswordBody } from './schemas.js';

/** `/api/admin/change-password`: the one officer-API route about credentials, so it lives with them. */
export function adminRoutes(ctx: AuthContext, verifier: TokenVerifier) {
  const router = Router();
  router.post('/change-password', requireAuth(verifier, 'officer', 'member', 'admin'), async (req, res) => {
    const body = changePasswordBody.parse(req.body);
    await changePassword(ctx, req.auth!.sub, body.old_password, body.new_password);
    res.json({ status: 'success' });
  });
  return router;
}
