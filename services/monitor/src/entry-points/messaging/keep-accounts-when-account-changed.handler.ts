import {
  AccountConfirmedV1,
  AccountDeletedV1,
  AccountSnapshotV1,
  UserRegisteredV1,
} from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { accountWrites } from '../../data-access/account-writes.js';

const date = (iso: string | null) => (iso ? new Date(iso) : null);

/**
 * The accounts read model: registered and confirmed at the times auth published them (`occurredAt`),
 * or as a replay's snapshot states them; gone with the account.
 */
export const keepAccountsWhenAccountChanged = [
  on(UserRegisteredV1, ({ data, occurredAt }, tx) =>
    accountWrites(tx).registered(data.userId, data.role, new Date(occurredAt)),
  ),
  on(AccountConfirmedV1, ({ data, occurredAt }, tx) =>
    accountWrites(tx).confirmed(data.userId, data.role, new Date(occurredAt)),
  ),
  on(AccountDeletedV1, ({ data }, tx) => accountWrites(tx).deleted(data.userId)),
  on(AccountSnapshotV1, ({ data }, tx) =>
    accountWrites(tx).stated(data.userId, data.role, new Date(data.registeredAt), date(data.confirmedAt)),
  ),
];
