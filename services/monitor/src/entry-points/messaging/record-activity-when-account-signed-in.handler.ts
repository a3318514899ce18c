import { AccountSignedInV1 } from '@sproul/common/events';
import { onBatch } from '@sproul/common/messaging';
import { accountWrites } from '../../data-access/account-writes.js';

/**
 * Each account's latest sign-in or refresh. Sign-ins are the busiest events the monitor reads: a run of
 * them is folded to one row per account and written with one statement.
 */
export const recordActivityWhenAccountSignedIn = onBatch(AccountSignedInV1, async (events, tx) => {
  const latest = new Map<string, { userId: string; role: string; lastSeenAt: Date }>();
  for (const { data, occurredAt } of events) {
    const at = new Date(occurredAt);
    const known = latest.get(data.userId);
    if (!known || known.lastSeenAt < at)
      latest.set(data.userId, { userId: data.userId, role: data.role, lastSeenAt: at });
  }
  await accountWrites(tx).seen([...latest.values()]);
});
