import { z } from 'zod';
import { USER } from './answers.js';
import { route } from './route.js';

/** Public keys for verifying access tokens; cached briefly, so a rotation reaches verifiers fast. */
export const jwksRoute = route(
  {
    method: 'get',
    path: '/.well-known/jwks.json',
    tag: USER,
    summary: 'Public keys that sign access tokens',
    responses: {
      200: { description: 'JWKS', schema: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) },
    },
  },
  ({ ctx, res }) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    return ctx.keyRing.jwks();
  },
);
