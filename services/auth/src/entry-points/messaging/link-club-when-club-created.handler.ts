import { ClubCreatedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { accountRepository } from '../../data-access/account-repository.js';
import { isAccountId } from '../../domain/account-id.js';

/** Officers' access tokens name their club; the catalog tells us its id when it creates it. */
export const linkClubWhenClubCreated = on(ClubCreatedV1, async (event, tx) => {
  if (!isAccountId(event.data.ownerUserId)) return;
  await accountRepository(tx).update(event.data.ownerUserId, { clubId: event.data.clubId });
});
