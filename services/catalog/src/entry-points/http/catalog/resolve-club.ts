import type { Club } from '../../../data-access/club-repository.js';
import type { ClubLookup } from '../../../domain/clubs/lookup-visible-club.js';
import { clubNotFound } from '../../../errors.js';
import { type CachedAnswer, cachedAnswer } from '../../../read-cache/cached-answer.js';

/**
 * The club a lookup found; or the 301 to a former link name's current page (kept like any answer: a
 * rename or a hidden club is a change, which drops it); a 404 is thrown (and never kept).
 */
export function resolvedClub(lookup: ClubLookup, suffix = ''): { club: Club } | { answer: CachedAnswer } {
  if ('found' in lookup) return { club: lookup.found };
  if ('movedTo' in lookup) {
    const location = `/api/catalog/organizations/${encodeURIComponent(lookup.movedTo)}${suffix}`;
    return {
      answer: cachedAnswer({
        status: 301,
        headers: { location, 'content-type': 'text/plain; charset=utf-8' },
        body: `Moved Permanently. Redirecting to ${location}`,
      }),
    };
  }
  throw clubNotFound();
}
