import { eventually, openStorage, tokenIssuer } from '@sproul/common/testing';
import { describe, expect, it } from 'vitest';
import { tags } from '../src/data-access/schema.js';
import { startCatalog } from './monitor-harness.js';

interface TagSet {
  tags: { id: number; name: string }[];
}

// A consumer whose queue was bound after the start-up announcement (a first deployment, a fresh
// broker) learns the tag set from the next one: auth refuses registrations' tags until it has them.
describe('the tag set, announced again', () => {
  it('goes out every interval with the tags as they are then', { timeout: 60_000 }, async () => {
    const auth = await tokenIssuer();
    const { storage, close: closeStorage } = await openStorage('embedded');
    const catalog = await startCatalog(auth, storage, { METADATA_ANNOUNCE_INTERVAL_MS: '200' });
    try {
      const announced = () => catalog.events.filter((event) => event.type === 'TagChanged');
      await eventually(() => announced().length >= 1);
      const ids = (announced()[0]!.data as TagSet).tags.map((tag) => tag.id);
      const next = Math.max(...ids) + 1;
      // Written behind the service's back, so no tag change announces it: only the interval can.
      await catalog.db.insert(tags).values({ id: next, name: 'Late Tag' });
      const data = await catalog.latest<TagSet>('TagChanged', (set) =>
        set.tags.some((tag) => tag.name === 'Late Tag'),
      );
      expect(data.tags.at(-1)).toEqual({ id: next, name: 'Late Tag' });
      // Each announcement is a newer version of the one aggregate, so consumers apply it.
      const versions = announced().map((event) => event.aggregate?.version ?? 0);
      expect(new Set(versions).size).toBe(versions.length);
    } finally {
      await catalog.close();
      await closeStorage();
      await auth.close();
    }
  });
});
