import { AccountConfirmedV1 } from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { clubRepository } from '../../data-access/club-repository.js';
import { updateClubIn } from '../../domain/profile/update-club.js';

/** A confirmed officer's club becomes visible in the catalog (ClubUpdated names `confirmed`, `visible`). */
export const showClubWhenAccountConfirmed = (outbox: Outbox) =>
  on(AccountConfirmedV1, async (event, tx) => {
    if (event.data.role !== 'officer') return;
    const club = await clubRepository(tx).findByOwner(event.data.userId);
    // Events may arrive out of order: failing sends this one back for a retry after the registration.
    if (!club) throw new Error(`no club yet for confirmed officer ${event.data.userId}`);
    await updateClubIn(tx, outbox, club.id, { confirmed: true });
  });
