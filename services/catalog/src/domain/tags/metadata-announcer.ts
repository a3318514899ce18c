import type { Outbox } from '@sproul/common/messaging';

import { appendTagSnapshot } from './tag-set-changed.js';

/** The current tag set as a TagChanged, in its own transaction. */
export async function announceMetadata(outbox: Outbox) {
  await outbox.transaction((tx) => appendTagSnapshot(tx, outbox));
}
