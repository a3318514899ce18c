import { CatalogSearchesCountedV1, makeEvent } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import type { SearchCounter } from './search-counter.js';

/** Publishes how many searches this replica answered since the last report (nothing when none). */
export async function reportSearchCount(outbox: Outbox, searches: SearchCounter, now: Date) {
  const taken = searches.take(now);
  if (taken.count === 0) return;
  const event = makeEvent(
    CatalogSearchesCountedV1,
    { from: taken.from.toISOString(), to: taken.to.toISOString(), count: taken.count },
    'catalog',
  );
  try {
    await outbox.transaction((tx) => outbox.append(tx, [event]));
  } catch (error) {
    searches.giveBack(taken);
    throw error;
  }
}
