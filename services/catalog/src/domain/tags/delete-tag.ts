import { badRequest } from '@sproul/common/errors';
import type { Outbox } from '@sproul/common/messaging';
import { tagAdminRepository } from '../../data-access/tag-admin-repository.js';
import { tagInUse } from '../../errors.js';
import { announceTags } from './announce-tags.js';

/**
 * Deletes a tag no visible club uses. Ids must stay 0..n-1 because the web client indexes tags by
 * position, so the last tag moves into the freed id: one tag changes id, and every reference to it
 * (club and event tags, student interests) is rewritten in the same transaction. Clubs not shown
 * (unconfirmed, deactivated, or hidden by an admin) that carried the deleted tag simply lose it.
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
