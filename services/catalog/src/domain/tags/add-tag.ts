import { badRequest } from '@sproul/common/errors';
import type { Outbox } from '@sproul/common/messaging';
import { type Tag, tagAdminRepository } from '../../data-access/tag-admin-repository.js';
import { announceTags } from './announce-tags.js';

import { sameTagName } from './same-tag-name.js';

/**
 * Adds a tag with the smallest unused id, which is `n` while ids run 0..n-1 (upstream's rule; it
 * crashed when there were no tags at all, §6.1 #13).
 */
export async function addTag(outbox: Outbox, name: string): Promise<Tag> {
  return outbox.transaction(async (tx) => {
    const repository = tagAdminRepository(tx);
    await repository.lockTags();
    const existing = await repository.all();
    if (existing.some((tag) => sameTagName(tag.name, name)))
      throw badRequest('Specified tag already exists!');
    const used = new Set(existing.map((tag) => tag.id));
    let id = 0;
    while (used.has(id)) id += 1;
    const tag = { id, name };
    await repository.insert(tag);
    await announceTags(tx, outbox, new Map());
    return tag;
  });
}
