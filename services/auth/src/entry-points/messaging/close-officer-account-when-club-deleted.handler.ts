import { ClubDeletedV1 } from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { repositories } from '../../data-access/repositories.js';
import { isAccountId } from '../../domain/account-id.js';
import type { AuthContext, Work } from '../../domain/auth-context.js';
import { removeAccount } from '../../domain/self-service.js';
import { denySessions } from '../../domain/sessions.js';

/**
 * An officer account is its club's (upstream stored the club inside the officer's document, and an
 * admin's "delete club" removed both): when the catalog deletes a club, its officer's account goes
 * too, sessions ended at once. When the account went first (AccountDeleted), there is nothing left.
 */
export function closeOfficerAccountWhenClubDeleted(ctx: AuthContext, outbox: Outbox) {
  return on(ClubDeletedV1, async (event, tx) => {
    if (!isAccountId(event.data.ownerUserId)) return;
    const unit: Work = { ...repositories(tx), tx, publish: (...events) => outbox.append(tx, events) };
    const account = await unit.accounts.findById(event.data.ownerUserId);
    if (account?.role !== 'officer') return;
    const ended = await removeAccount(unit, account);
    await denySessions(ctx, ended);
  });
}
