import type { DbOrTx } from '@sproul/common/db';
import type { Club } from '../../data-access/club-repository.js';
import { repositories } from '../../data-access/repositories.js';

export type ClubLookup = { found: Club } | { movedTo: string } | { missing: true };

/**
 * A visible club by link name; a former link name of a renamed club answers where it moved
 * (only while that club is visible, so a redirect never reveals a hidden club).
 */
export async function lookupVisibleClub(db: DbOrTx, linkName: string): Promise<ClubLookup> {
  const clubs = repositories(db).clubs;
  const club = await clubs.findVisibleByLinkName(linkName);
  if (club) return { found: club };
  const current = await clubs.findRedirect(linkName);
  if (current && (await clubs.findVisibleByLinkName(current))) return { movedTo: current };
  return { missing: true };
}
