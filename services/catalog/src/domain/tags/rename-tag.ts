import { badRequest } from '@sproul/common/errors';
import type { Outbox } from '@sproul/common/messaging';
import { tagAdminRepository } from '../../data-access/tag-admin-repository.js';
import { announceTags } from './announce-tags.js';

import { sameTagName } from './same-tag-name.js';

export async function renameTag(outbox: Outbox, id: number, name: string): Promise<void> {
  await outbox.transaction(async (tx) => {
    const repository = tagAdminRepository(tx);
    await repository.lockTags();
    const existing = await repository.all();
    const tag = existing.find((candidate) => candidate.id === id);
    if (!tag) throw badRequest('Old tag does not exist!');
    if (existing.some((other) => other.id !== id && sameTagName(other.name, name))) {
      throw badRequest('New tag already exists!');
    }
    if (tag.name === name) return;
    await repository.rename(id, name);
    await announceTags(tx, outbox, new Map());
  });
}
