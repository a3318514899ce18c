import { requestMagicLink, signInWithMagicLink } from '../../domain/magic-links.js';
import { ok, signedIn, success, USER } from './answers.js';
import { route } from './route.js';
import { emailBody } from './schemas.js';

/** Magic links (Flux, LCS): a sign-in link by email, answered the same for any address. */
export const magicLinkRoutes = [
  route(
    {
      method: 'post',
      path: '/api/user/magic-link',
      tag: USER,
      summary: 'Email a sign-in link valid 15 minutes (same answer for any email)',
      body: emailBody,
      responses: ok,
      errors: [429],
    },
    ({ ctx, body }) => {
      ctx.deferred.after('magic-link', () => requestMagicLink(ctx, body.email));
      return success;
    },
  ),
  route(
    {
      method: 'get',
      path: '/api/user/magic-link/:token',
      tag: USER,
      summary: 'Sign in with a magic link',
      responses: signedIn,
      errors: [404],
    },
    ({ ctx, params }) => signInWithMagicLink(ctx, String(params.token)),
  ),
];
