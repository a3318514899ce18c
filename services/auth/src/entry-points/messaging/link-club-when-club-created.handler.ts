import { ClubCreatedV1, on } from '@sproul/common';
import { accountRepository } from '../../data-access/account-repository.js';

/** Officers' access tokens name their club; the catalog tells us its id when it creates it. */
export const linkClubWhenClubCreated = on(ClubCreatedV1, async (event, tx) => {
  // Owners are auth's accounts, whose ids are UUIDs; anything else is not ours to link.
  if (!UUID.test(event.data.ownerUserId)) return;
  await accountRepository(tx).update(event.data.ownerUserId, { clubId: event.data.clubId });
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
