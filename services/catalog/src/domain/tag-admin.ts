import type { DbOrTx } from '@sproul/common/db';
import { badRequest } from '@sproul/common/errors';
import type { Outbox } from '@sproul/common/messaging';
import { type Tag, tagAdminRepository } from '../data-access/tag-admin-repository.js';
import { tagInUse } from '../errors.js';
import { announceTags } from './tag-admin-announce.js';

/** A row of the dashboard's tag page (upstream's `/tags/list`). */
export interface TagUsage {
  _id: number;
  name: string;
  num_clubs: number;
}

// Names compare as a person reads them: "sports" duplicates "Sports".
const sameName = (a: string, b: string) =>
  a.normalize('NFKC').toLocaleLowerCase('en') === b.normalize('NFKC').toLocaleLowerCase('en');

/** Every tag with how many catalog-visible clubs use it, sorted by name as upstream. */
export async function listTagUsage(db: DbOrTx): Promise<TagUsage[]> {
  const repository = tagAdminRepository(db);
  const [all, usage] = await Promise.all([repository.all(), repository.visibleUsage()]);
  return all
    .map((tag) => ({ _id: tag.id, name: tag.name, num_clubs: usage.get(tag.id) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a._id - b._id);
}

/**
 * Adds a tag with the smallest unused id, which is `n` while ids run 0..n-1 (upstream's rule; it
 * crashed when there were no tags at all, §6.1 #13).
 */
export async function addTag(outbox: Outbox, name: string): Promise<Tag> {
  return outbox.transaction(async (tx) => {
    const repository = tagAdminRepository(tx);
    await repository.lockTags();
    const existing = await repository.all();
    if (existing.some((tag) => sameName(tag.name, name))) throw badRequest('Specified tag already exists!');
    const used = new Set(existing.map((tag) => tag.id));
    let id = 0;
    while (used.has(id)) id += 1;
    const tag = { id, name };
    await repository.insert(tag);
    await announceTags(tx, outbox, new Map());
    return tag;
  });
}

export async function renameTag(outbox: Outbox, id: number, name: string): Promise<void> {
  await outbox.transaction(async (tx) => {
    const repository = tagAdminRepository(tx);
    await repository.lockTags();
    const existing = await repository.all();
    const tag = existing.find((candidate) => candidate.id === id);
    if (!tag) throw badRequest('Old tag does not exist!');
    if (existing.some((other) => other.id !== id && sameName(other.name, name))) {
      throw badRequest('New tag already exists!');
    }
    if (tag.name === name) return;
    await repository.rename(id, name);
    await announceTags(tx, outbox, new Map());
  });
}

/**
 * Deletes a tag no visible club uses. Ids must stay 0..n-1 because the web client indexes tags by
 * position, so the last tag moves into the freed id: one tag changes id, and every reference to it
 * (club and event tags, student interests) is rewritten in the same transaction. Hidden clubs
 * (unconfirmed or deactivated) that carried the deleted tag simply lose it.
 */
export async function deleteTag(outbox: Outbox, id: number): Promise<void> {
  await outbox.transaction(async (tx) => {
    const repository = tagAdminRepository(tx);
    await repository.lockTags();
    const existing = await repository.all();
    if (!existing.some((tag) => tag.id === id)) throw badRequest('Specified tag does not exist!');
    const inUse = (await repository.visibleUsage()).get(id) ?? 0;
    if (inUse > 0) {
      throw tagInUse(inUse);
    }
    const changed = new Map<string, Set<string>>();
    const note = (clubIds: string[], field: string) => {
      for (const clubId of clubIds) changed.set(clubId, (changed.get(clubId) ?? new Set()).add(field));
    };
    const record = ({ clubTags, eventTags }: { clubTags: string[]; eventTags: string[] }) => {
      note(clubTags, 'tags');
      note(eventTags, 'events');
    };

    const last = Math.max(...existing.map((tag) => tag.id));
    await repository.lockClubsUsing([id, last]);
    await repository.delete(id);
    record(await repository.rewriteReferences(id, null));
    if (last !== id) {
      await repository.changeId(last, id);
      record(await repository.rewriteReferences(last, id));
    }
    await announceTags(tx, outbox, changed);
  });
}
