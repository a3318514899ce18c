import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type BootOptions,
  bootService,
  openStorage,
  type Storage,
  tokenIssuer,
} from '@sproul/common/testing';
import { clubEventRepository, type NewClubEvent } from '../src/data-access/club-event-repository.js';
import type { Club, NewClub } from '../src/data-access/club-repository.js';
import { clubs } from '../src/data-access/schema.js';
import { catalogService } from '../src/index.js';
import { handledSoFar, settled } from './catalog-settled.js';

/** How the stand-in recommender answers `/internal/similar/:link`. */
export type RecommenderMode = { answer: unknown } | 'failing' | 'hanging';

async function fakeRecommender() {
  let mode: RecommenderMode = 'failing';
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (mode === 'hanging') return; // never answers: the catalog's timeout must
    if (mode === 'failing') {
      res.statusCode = 503;
      res.end('{}');
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(mode.answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    set: (next: RecommenderMode) => {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let counter = 0;

/** PGlite in memory (what `npm start` runs), or a fresh database on the local PostgreSQL server. */
export type CatalogStorage = Storage['kind'];

/** The catalog on an in-process bus (no demo clubs), with stand-ins for auth and the recommender. */
export async function startCatalogHarness(
  config: Record<string, string> = {},
  storage: CatalogStorage = 'embedded',
  options: Pick<BootOptions, 'clock'> = {},
) {
  const auth = await tokenIssuer();
  const recommender = await fakeRecommender();
  const { storage: store, close: closeStorage } = await openStorage(storage, 'catalog');
  const catalog = await bootService(catalogService, {
    ...options,
    storage: store,
    config: {
      SEED_DEMO: '0',
      AUTH_URL: auth.url,
      RECOMMENDER_URL: recommender.url,
      RECOMMENDER_TIMEOUT_MS: '200',
      // The recruiting scheduler would rewrite new_members under the tests' feet.
      RECRUITING_CHECK_INTERVAL_MS: '0',
      ...config,
    },
  });
  const { db } = catalog;

  return {
    ...catalog,
    /** Where its data is, for a test that listens on the database (the change notice) itself. */
    storage: store,
    auth,
    recommender: {
      ...recommender,
      /** A new answer, which cached club pages show at once, as the real one's SimilarClubsChanged does. */
      set(next: RecommenderMode) {
        recommender.set(next);
        catalog.context.readCache.invalidate();
      },
    },
    /** Visible clubs straight into the table (fast: a few hundred in one statement). */
    async addClubs(drafts: (Partial<NewClub> & { name: string })[]): Promise<Club[]> {
      if (drafts.length === 0) return [];
      return db
        .insert(clubs)
        .values(
          drafts.map((draft) => {
            counter += 1;
            return {
              ownerUserId: `test-owner-${counter}`,
              ownerEmail: `owner${counter}@berkeley.edu`,
              linkName: `${draft.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${counter}`,
              confirmed: true,
              ...draft,
            };
          }),
        )
        .returning();
    },
    async addClub(draft: Partial<NewClub> & { name: string }): Promise<Club> {
      const [club] = await this.addClubs([draft]);
      return club as Club;
    },
    addEvents: (clubId: string, kind: 'event' | 'recruiting', list: NewClubEvent[]) =>
      clubEventRepository(db).addMany(clubId, kind, list),
    /** Every event delivered so far is handled (see catalog-settled.ts). */
    handledSoFar: () => handledSoFar(catalog),
    /** Every event delivered so far is handled, and every event committed so far is recorded. */
    settled: () => settled(catalog),
    async close() {
      await catalog.close();
      await closeStorage();
      await auth.close();
      await recommender.close();
    },
  };
}

export type CatalogHarness = Awaited<ReturnType<typeof startCatalogHarness>>;

/** A request; answers status, body (parsed when JSON) and headers, without following redirects. */
export { fetchJson as call } from '@sproul/common/testing';
