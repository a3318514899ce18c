import type { Tx } from '@sproul/common/db';
import { makeEvent, TagChangedV1 } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import { metadataRepository } from '../../data-access/metadata-repository.js';
import { holdTagIds } from '../../data-access/tag-id-lock.js';

/** Appends the current tag set as a TagChanged to the caller's transaction. */
export async function appendTagSnapshot(tx: Tx, outbox: Outbox) {
  // Read under the tag-id lock (tag changes hold it exclusively): the snapshot read here cannot be older
  // than one a concurrent tag change announces, since its version is given at commit.
  await holdTagIds(tx);
  await outbox.append(tx, [await tagSetChanged(tx)]);
}

/** The whole tag set as a TagChanged, read in the caller's transaction (which holds the tag-id lock). */
export async function tagSetChanged(tx: Tx) {
  const metadata = metadataRepository(tx);
  const snapshot = { tags: await metadata.tags(), num_user_tags: await metadata.numUserTags() };
  return makeEvent(TagChangedV1, snapshot, 'catalog');
}
