import { createHash } from 'node:crypto';

/** A strong ETag for a body: its SHA-256, shortened (160 bits is plenty to tell versions apart). */
export const strongEtag = (body: string | Buffer) =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * Whether `If-None-Match` names one of `etags` (the representations the caller may hold): `*`, or a
 * list of tags compared weakly, as RFC 9110 §13.1.2 says for this header (`W/"x"` matches `"x"`).
 */
export function ifNoneMatchMatches(header: string | undefined, etags: readonly string[]): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((sent) => etags.includes(sent.trim().replace(/^W\//, '')));
}
