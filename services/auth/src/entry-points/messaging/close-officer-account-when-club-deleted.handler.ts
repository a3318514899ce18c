import { ClubDeletedV1 } from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { repositories } from '../../data-access/repositories.js';
import { isAccountId } from '../../domain/account-id.js';
import type { AuthContext, Work } from '../../domain/auth-context.js';
import { officerChanged } from '../../domain/officer-changes.js';
import { removeAccount } from '../../domain/self-service.js';
import { denyOfficer, denySessions } from '../../domain/sessions.js';

/**
 * The catalog deleted a club: every officer of it stops being one (announced, and their tokens for it
 * refused at once), its open invitations end. Upstream's officer account was its club's (an admin's
 * "delete club" removed both): the registering officer's account goes too, sessions ended at once,
 * unless it still runs another club. When the account went first (AccountDeleted), nothing is left.
 */
export function closeOfficerAccountWhenClubDeleted(ctx: AuthContext, outbox: Outbox) {
  return on(ClubDeletedV1, async (event, tx) => {
    const { clubId, ownerUserId } = event.data;
    const unit: Work = { ...repositories(tx), tx, publish: (...events) => outbox.append(tx, events) };
    await unit.clubs.delete(clubId);
    await unit.invitations.revokeClub(clubId);
    const team = await unit.officers.removeClub(clubId);
    for (const officer of team) await unit.publish(officerChanged(officer, null, null));
    await denyOfficer(ctx, team);
    if (!isAccountId(ownerUserId)) return;
    const account = await unit.accounts.findById(ownerUserId);
    if (account?.role !== 'officer') return;
    if ((await unit.officers.clubsOf(account.id)).length > 0) return;
    const ended = await removeAccount(unit, account);
    await denySessions(ctx, ended);
  });
}
