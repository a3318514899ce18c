import { AccountDeletedV1 } from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { reminderRepository } from '../../data-access/reminder-repository.js';
import { rsvpRepository } from '../../data-access/rsvp-repository.js';
import { forgetAccount } from '../../domain/memberships/end-memberships.js';

/**
 * A deleted account: its memberships, copy and officer places go; its clubs' counts are published
 * again; its RSVPs and calendar feed (issue 21; no waitlist promotion follows), its reminder choices,
 * phone and sent markers go too.
 */
export const forgetAccountWhenAccountDeleted = (outbox: Outbox) =>
  on(AccountDeletedV1, async ({ data }, tx) => {
    await forgetAccount(tx, outbox, data.userId);
    await reminderRepository(tx).forget(data.userId);
    await rsvpRepository(tx).forgetAccount(data.userId);
  });
