import type { Response } from 'express';
import type { ClubLookup } from '../../../domain/clubs/lookup-visible-club.js';
import { clubNotFound } from '../../../errors.js';

/** The club a lookup found; or a 301 to a former link name's current page (answered here), or a 404. */
export function resolvedClub(lookup: ClubLookup, res: Response, suffix = '') {
  if ('found' in lookup) return lookup.found;
  if ('movedTo' in lookup) {
    res.redirect(301, `/api/catalog/organizations/${encodeURIComponent(lookup.movedTo)}${suffix}`);
    return undefined;
  }
  throw clubNotFound();
}
