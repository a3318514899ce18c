import { requiredBearerToken } from '@sproul/common/auth';
import { endSessionOf, refreshSession, revokeAccessToken } from '../../domain/sessions.js';
import { revoked, signedIn } from './answers.js';
import { route } from './route.js';

interface SessionArea {
  /** `/api/user`, `/api/monitor` or `/api/student`. */
  prefix: string;
  tag: string;
  /** Whose access tokens revoke-access takes; refresh tokens name their own session. */
  auth: 'signed-in' | ['admin'] | ['student'];
  summaries: { refresh: string; revokeRefresh: string };
}

/**
 * `refresh`, `revoke-access` and `revoke-refresh`, the same under /api/user, /api/monitor and
 * /api/student (upstream duplicated them, and crashed in two of the copies).
 */
export const sessionRoutes = ({ prefix, tag, auth, summaries }: SessionArea) => [
  route(
    {
      method: 'post',
      path: `${prefix}/refresh`,
      tag,
      summary: summaries.refresh,
      auth: { self: 'refresh' },
      responses: signedIn,
    },
    ({ ctx, req }) => refreshSession(ctx, requiredBearerToken(req)),
  ),
  route(
    {
      method: 'delete',
      path: `${prefix}/revoke-access`,
      tag,
      summary: 'Revoke this access token',
      auth,
      responses: revoked('Access'),
    },
    async ({ ctx, claims }) => {
      await revokeAccessToken(ctx, claims);
      return { status: 'success', message: 'Access token revoked!' };
    },
  ),
  route(
    {
      method: 'delete',
      path: `${prefix}/revoke-refresh`,
      tag,
      summary: summaries.revokeRefresh,
      auth: { self: 'refresh' },
      responses: revoked('Refresh'),
    },
    async ({ ctx, req }) => {
      await endSessionOf(ctx, requiredBearerToken(req));
      return { status: 'success', message: 'Refresh token revoked!' };
    },
  ),
];
