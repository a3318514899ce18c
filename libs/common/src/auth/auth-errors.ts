import { AppError } from '../errors/app-error.js';

// Credentials refused: upstream's reasons (flask-jwt-extended's), which its web client matches.

export const malformedAuthHeader = () =>
  new AppError('AUTH.MALFORMED_HEADER', 401, "Bad Authorization header. Expected value 'Bearer <JWT>'");

export const missingToken = () => new AppError('AUTH.MISSING_TOKEN', 401, 'Missing Authorization Header');

/** Upstream answers a wrong role with 401 (not 403) and this reason; its web client relies on it. */
export const forbiddenRole = () =>
  new AppError('AUTH.FORBIDDEN_ROLE', 401, 'You are not allowed to access this endpoint!');

export const invalidToken = (reason: string) => new AppError('AUTH.INVALID_TOKEN', 401, reason);

export const keysUnavailable = () =>
  new AppError('AUTH.KEYS_UNAVAILABLE', 503, 'Token keys are unavailable; try again');

/** The shared denylist (Redis) cannot be read: whether the token was revoked is unknown, so not now. */
export const denylistUnavailable = () =>
  new AppError('AUTH.DENYLIST_UNAVAILABLE', 503, 'Token revocation cannot be checked right now; try again');
