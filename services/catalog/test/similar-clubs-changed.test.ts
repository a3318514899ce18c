import { makeEvent, SimilarClubsChangedV1 } from '@sproul/common/events';
import { eventually, type Storage, storageKinds } from '@sproul/common/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { CATALOG_CHANGED_CHANNEL } from '../src/data-access/catalog-change-notice.js';
import { type CatalogHarness, startCatalogHarness } from './catalog-harness.js';

/** Collects the change notices the catalog's database delivers, as a replica's cache would hear them. */
async function listenForChanges(storage: Storage) {
  const heard: string[] = [];
  if (storage.kind === 'embedded') {
    const unlisten = await storage.embedded.client.listen(CATALOG_CHANGED_CHANNEL, (payload) => {
      heard.push(payload);
    });
    return { heard, close: unlisten };
  }
  const client = new pg.Client({ connectionString: storage.url });
  await client.connect();
  client.on('notification', (message) => {
    if (message.channel === CATALOG_CHANGED_CHANNEL) heard.push(message.payload ?? '');
  });
  await client.query(`listen ${CATALOG_CHANGED_CHANNEL}`);
  return { heard, close: () => client.end() };
}

/**
 * The recommender announces that its similar-clubs lists changed (SimilarClubsChanged); the catalog
 * notifies its replicas, whose cached club pages carry those lists in `recommended_clubs`.
 */
describe.each(await storageKinds())(
  'SimilarClubsChanged reaches the catalog’s change notice (%s)',
  (kind) => {
    let catalog: CatalogHarness;
    let listener: Awaited<ReturnType<typeof listenForChanges>>;
    beforeAll(async () => {
      catalog = await startCatalogHarness({}, kind);
      listener = await listenForChanges(catalog.storage);
    }, 60_000);
    afterAll(async () => {
      await listener?.close();
      await catalog?.close();
    });

    it('notifies `similar-clubs` when a notice is handled', async () => {
      const heard = () => listener.heard.filter((reason) => reason === 'similar-clubs').length;
      const before = heard();
      await catalog.bus.publish([
        makeEvent(SimilarClubsChangedV1, { reason: 'club-changed' }, 'recommender'),
      ]);
      await eventually(() => heard() === before + 1);

      // Two in a row may be handled in one batch: one notice or two, each drops the same answers.
      await catalog.bus.publish([
        makeEvent(SimilarClubsChangedV1, { reason: 'retrained' }, 'recommender'),
        makeEvent(
          SimilarClubsChangedV1,
          { reason: 'club-deleted', link_names: ['chess-club'] },
          'recommender',
        ),
      ]);
      await eventually(() => heard() > before + 1);
    });
  },
);
