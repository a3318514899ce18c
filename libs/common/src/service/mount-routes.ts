import type { Request, Router } from 'express';
import { forbiddenRole } from '../auth/auth-errors.js';
import type { AccessClaims } from '../auth/claims.js';
import { bearerToken, requiredBearerToken } from '../auth/require-auth.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { RouteAuth, RouteDefinition } from './define-route.js';
import { parseParams } from './parse-input.js';

/** The claims a route's `auth` asks for: verified before params, query and body are read. */
async function authenticate(
  auth: RouteAuth,
  req: Request,
  verifier: TokenVerifier | undefined,
): Promise<AccessClaims | undefined> {
  if (auth === 'public' || (typeof auth === 'object' && 'self' in auth)) return undefined;
  if (!verifier) throw new Error('a route with auth needs the service to give a verifier');
  if (auth === 'optional') {
    // No token, or a header that is not a bearer token, is anonymous; a bad bearer token is a 401
    // (upstream's `jwt_optional`).
    let token: string | undefined;
    try {
      token = bearerToken(req);
    } catch {
      return undefined;
    }
    return token ? verifier.verify(token) : undefined;
  }
  const claims = await verifier.verify(requiredBearerToken(req));
  if (auth !== 'signed-in' && !auth.includes(claims.role)) {
    throw forbiddenRole();
  }
  req.auth = claims;
  return claims;
}

/**
 * Whether a route's answers belong to its caller (a token is required), so that no shared cache (a CDN,
 * a proxy) and no browser disk may keep them: public and optional routes say themselves what may be kept.
 */
const personal = (auth: RouteAuth) => auth !== 'public' && auth !== 'optional';

/** Mounts route definitions on a router, each handed the service's context. */
export function mountRoutes<Ctx>(
  router: Router,
  routes: RouteDefinition<Ctx>[],
  ctx: Ctx,
  verifier?: TokenVerifier,
) {
  for (const { spec, handle } of routes) {
    const status = Number(Object.keys(spec.responses)[0] ?? 200);
    const privateAnswers = personal(spec.auth ?? 'public');
    router[spec.method](spec.path, async (req, res) => {
      // Set first, so that the handler may say otherwise and errors (a 401) carry it too.
      if (privateAnswers) res.setHeader('Cache-Control', 'private, no-store');
      const claims = await authenticate(spec.auth ?? 'public', req, verifier);
      spec.authorize?.(claims as never);
      const params = spec.params ? parseParams(spec.params, req.params, 'path') : req.params;
      const query = spec.query ? parseParams(spec.query, req.query, 'query string') : req.query;
      // A ZodError thrown here is the JSON-body 400 (the error handler names the body).
      const body = spec.body ? spec.body.parse(req.body) : req.body;
      const answer = await handle({ ctx, body, query, params, claims, req, res });
      if (answer !== undefined && !res.headersSent) res.status(status).json(answer);
    });
  }
}
