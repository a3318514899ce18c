import type { Request } from 'express';
import { malformedAuthHeader, missingToken } from './auth-errors.js';
import type { AccessClaims } from './claims.js';

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
