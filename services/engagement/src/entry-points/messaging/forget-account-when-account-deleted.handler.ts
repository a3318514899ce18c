import { AccountDeletedV1 } from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { forgetAccount } from '../../domain/memberships/end-memberships.js';

/** A deleted account: its memberships, copy and officer places go; its clubs' counts are published again. */
export const forgetAccountWhenAccountDeleted = (outbox: Outbox) =>
  on(AccountDeletedV1, async ({ data }, tx) => forgetAccount(tx, outbox, data.userId));
