import type { Outbox } from '@sproul/common/messaging';
import { clubRepository } from '../../data-access/club-repository.js';
import { clubNotFound } from '../../errors.js';
import { isVisible } from './club-summary.js';
import { editClubIn } from './edit-club.js';
import { type ClubAccount, clubAccount } from './list-club-accounts.js';

/**
 * An admin hides the club of the officer with this email from every public view, or shows it again.
 * It is a flag of its own, not the officer's `reactivated`, so the officer can neither undo it nor lose
 * the club: they still sign in and edit it. ClubUpdated names `hidden` (and `visible` when that changed)
 * in the same transaction, so the recommender and the monitor follow. Asking for the state the club is
 * already in changes nothing and announces nothing.
 */
export async function setClubHidden(outbox: Outbox, email: string, hidden: boolean): Promise<ClubAccount> {
  return outbox.transaction(async (tx) => {
    const clubs = clubRepository(tx);
    const owned = await clubs.findByOwnerEmail(email);
    if (!owned) throw clubNotFound();
    return editClubIn(tx, outbox, owned.id, async (club) => {
      if (club.hidden === hidden) return { changed: [], result: clubAccount(club) };
      const updated = await clubs.update(club.id, { hidden });
      if (!updated) throw clubNotFound();
      const changed = isVisible(updated) === isVisible(club) ? ['hidden'] : ['hidden', 'visible'];
      return { changed, result: clubAccount(updated) };
    });
  });
}
