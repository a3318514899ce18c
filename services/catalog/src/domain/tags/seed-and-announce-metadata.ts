import type { Outbox } from '@sproul/common/messaging';
import { metadataRepository } from '../../data-access/metadata-repository.js';
import { numUserTags, tags } from '../../data-access/schema.js';
import { DEFAULT_MAJORS, DEFAULT_MINORS, DEFAULT_YEARS } from '../students/default-student-metadata.js';
import { DEFAULT_NUM_USER_TAGS, DEFAULT_TAGS } from './default-tags.js';

import { appendTagSnapshot } from './tag-set-changed.js';

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
    await appendTagSnapshot(tx, outbox);
  });
}
