import type { Tx } from '@sproul/common/db';
import { type Club, clubRepository } from '../../data-access/club-repository.js';
import { uniqueLinkName } from '../clubs/club-link-name.js';
import { isVisible } from '../clubs/club-summary.js';
import type { ClubEditOutcome } from '../clubs/edit-club.js';
import { type ClubPatch, diffClubPatch } from './club-patch.js';

/**
 * The work of a profile edit, run by editClubIn under its locks (it takes none itself): writes the
 * fields of `patch` that differ from `club`, and moves a renamed club to a new unique link name.
 */
export async function applyClubPatch(tx: Tx, club: Club, patch: ClubPatch): Promise<ClubEditOutcome<Club>> {
  const clubId = club.id;
  const clubs = clubRepository(tx);
  const { changes, changed } = diffClubPatch(club, patch);
  let previousLinkName: string | undefined;
  if (changes.name !== undefined) {
    const ownNames = [club.linkName, ...(await clubs.formerLinkNames(clubId))];
    const linkName = await uniqueLinkName(clubs, changes.name, ownNames);
    if (linkName !== club.linkName) {
      changes.linkName = linkName;
      changed.push('link_name');
      previousLinkName = club.linkName;
      await clubs.recordRename(clubId, club.linkName, linkName);
    }
  }
  if (changed.length === 0) return { changed, result: club };

  const updated = (await clubs.update(clubId, changes)) as Club;
  if (isVisible(updated) !== isVisible(club)) changed.push('visible');
  return { changed, result: updated, previousLinkName };
}
