import { ClubCreatedV1 } from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { repositories } from '../../data-access/repositories.js';
import { isAccountId } from '../../domain/account-id.js';
import { officerChanged } from '../../domain/officer-changes.js';

/**
 * The catalog created a club: auth keeps its name, and the account that registered it becomes its
 * owner (its access tokens then act for the club), announced as ClubOfficerChanged.
 */
export const linkClubWhenClubCreated = (outbox: Outbox) =>
  on(ClubCreatedV1, async (event, tx) => {
    const { clubId, ownerUserId, club } = event.data;
    const unit = repositories(tx);
    await unit.clubs.upsert({ id: clubId, linkName: club.link_name, name: club.name });
    if (!isAccountId(ownerUserId)) return;
    const account = await unit.accounts.findById(ownerUserId);
    if (!account) return;
    await unit.accounts.update(ownerUserId, { clubId });
    // A redelivery, or a club that already has an owner: nothing changes.
    if (!(await unit.officers.grant(clubId, ownerUserId, 'owner', null))) return;
    await outbox.append(tx, [officerChanged({ ...account, clubId, accountId: account.id }, 'owner', null)]);
  });
