import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { forbiddenRole, malformedAuthHeader, missingToken } from './auth-errors.js';
import type { AccessClaims, Role } from './claims.js';
import type { TokenVerifier } from './token-verifier.js';

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AccessClaims;
  }
}

/** The bearer token of a request, or undefined when there is none. */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) {
    throw malformedAuthHeader();
  }
  return token;
}

/** The bearer token of a request that must carry one (an access or a refresh token); 401 without. */
export function requiredBearerToken(req: Request): string {
  const token = bearerToken(req);
  if (!token) throw missingToken();
  return token;
}

/**
 * Requires a valid access token, and one of `roles` when given. Upstream answers a wrong role with
 * 401 and this reason, and its web client relies on it; kept as is.
 */
export function requireAuth(verifier: TokenVerifier, ...roles: Role[]): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    req.auth = await verifier.verify(requiredBearerToken(req));
    if (roles.length > 0 && !roles.includes(req.auth.role)) {
      throw forbiddenRole();
    }
    next();
  };
}
