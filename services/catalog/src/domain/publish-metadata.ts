import { makeEvent, type Outbox, TagChangedV1 } from '@sproul/common';
import { asc } from 'drizzle-orm';
import { numUserTags, tags } from '../data-access/schema.js';
import { DEFAULT_NUM_USER_TAGS, DEFAULT_TAGS } from './default-metadata.js';

/**
 * Seeds tags and member-count ranges on first start, and announces the current set on every start:
 * a snapshot is cheap, and a service deployed after the catalog gets it without a replay.
 */
export async function seedAndAnnounceMetadata(outbox: Outbox) {
  await outbox.transaction(async (tx) => {
    const existing = await tx.select().from(tags).orderBy(asc(tags.id));
    if (existing.length === 0) {
      await tx.insert(tags).values(DEFAULT_TAGS.map((name, id) => ({ id, name })));
      await tx.insert(numUserTags).values(DEFAULT_NUM_USER_TAGS.map((value, id) => ({ id, value })));
    }
    const snapshot = {
      tags: await tx.select().from(tags).orderBy(asc(tags.id)),
      num_user_tags: await tx.select().from(numUserTags).orderBy(asc(numUserTags.id)),
    };
    await outbox.append(tx, [makeEvent(TagChangedV1, snapshot, 'catalog')]);
  });
}
