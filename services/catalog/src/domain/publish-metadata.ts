import type { Tx } from '@sproul/common/db';
import { makeEvent, TagChangedV1 } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import { metadataRepository } from '../data-access/metadata-repository.js';
import { numUserTags, tags } from '../data-access/schema.js';
import { holdTagIds } from '../data-access/tag-id-lock.js';
import { DEFAULT_NUM_USER_TAGS, DEFAULT_TAGS } from './default-metadata.js';
import { DEFAULT_MAJORS, DEFAULT_MINORS, DEFAULT_YEARS } from './student-metadata.js';

/**
 * Seeds tags, member-count ranges, majors, minors and years on first start, and announces the current
 * tags on every start: a snapshot is cheap, and a service deployed after the catalog gets it without a replay.
 */
export async function seedAndAnnounceMetadata(outbox: Outbox) {
  await outbox.transaction(async (tx) => {
    // First start only: both lists empty. An admin may delete every tag later (the dashboard allows
    // it), and that choice must survive a restart rather than bring the defaults back.
    const [anyTag] = await tx.select().from(tags).limit(1);
    const [anySize] = await tx.select().from(numUserTags).limit(1);
    if (!anyTag && !anySize) {
      await tx.insert(tags).values(DEFAULT_TAGS.map((name, id) => ({ id, name })));
      await tx.insert(numUserTags).values(DEFAULT_NUM_USER_TAGS.map((value, id) => ({ id, value })));
    }
    await metadataRepository(tx).seedStudentMetadata({
      majors: DEFAULT_MAJORS,
      minors: DEFAULT_MINORS,
      years: DEFAULT_YEARS,
    });
    await appendSnapshot(tx, outbox);
  });
}

/** The current tag set as a TagChanged, in its own transaction. */
export async function announceMetadata(outbox: Outbox) {
  await outbox.transaction((tx) => appendSnapshot(tx, outbox));
}

async function appendSnapshot(tx: Tx, outbox: Outbox) {
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
