import type { Verdict } from './access-verdict.js';

// The services' reasons for the same faults (requiredBearerToken in @sproul/common/auth).
const MISSING_TOKEN: Verdict = { reject: { status: 401, reason: 'Missing Authorization Header' } };
const MALFORMED_TOKEN: Verdict = {
  reject: { status: 401, reason: "Bad Authorization header. Expected value 'Bearer <JWT>'" },
};

/** The token of `Bearer <token>`; the scheme is case-insensitive (RFC 9110 §11.1), checked without a copy. */
export function bearerToken(header: string | undefined): string | Verdict {
  if (!header) return MISSING_TOKEN;
  if (header.length < 8) return MALFORMED_TOKEN;
  if (!header.startsWith('Bearer ') && header.slice(0, 7).toLowerCase() !== 'bearer ') return MALFORMED_TOKEN;
  const token = header.slice(7);
  return token.includes(' ') ? MALFORMED_TOKEN : token;
}
