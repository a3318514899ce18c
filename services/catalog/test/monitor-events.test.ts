import { randomUUID } from 'node:crypto';
import { makeEvent, ReadModelReplayRequestedV1 } from '@sproul/common/events';
import { eventually, openStorage, type Storage, type TokenIssuer, tokenIssuer } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubEvents } from '../src/data-access/schema.js';
import { type CatalogHarness, call, startCatalog } from './monitor-harness.js';

const NOW = new Date('2026-11-04T12:00:00Z');

describe('what the catalog tells the monitor: search counts, club summaries v2, a replay of its clubs', () => {
  let auth: TokenIssuer;
  let storage: Storage;
  let closeStorage: () => Promise<void>;
  let catalog: CatalogHarness;

  beforeAll(async () => {
    auth = await tokenIssuer();
    ({ storage, close: closeStorage } = await openStorage('embedded'));
    catalog = await startCatalog(auth, storage, { SEARCH_COUNT_INTERVAL_MS: '0' }, { clock: () => NOW });
  });
  afterAll(async () => {
    await catalog?.close();
    await closeStorage?.();
    await auth?.close();
  });

  it('counts searches and filters, not the whole list a web client loads, and reports them once', async () => {
    for (const query of ['limit=999&skip=0', 'q=robots', 'tags=1', 'recruiting=now&limit=5', '']) {
      expect((await call(catalog.url(`/api/catalog/organizations?${query}`))).status).toBe(200);
    }
    expect((await call(catalog.url('/api/catalog/organizations?limit=abc&q=x'))).status).toBe(400);
    await catalog.service.jobs.run('search-count');
    await catalog.service.jobs.run('search-count');
    const counted = await eventually(() => {
      const found = catalog.published<{ to: string; count: number }>('CatalogSearchesCounted');
      return found.length > 0 ? found : undefined;
    });
    expect(counted).toEqual([expect.objectContaining({ to: NOW.toISOString(), count: 3 })]);
  });

  it('answers a replay request with a ClubUpdated v2 per club, only whether links and pictures are set', async () => {
    const club = await catalog.addClub({
      name: 'Cal Robotics',
      ownerEmail: 'robots@berkeley.edu',
      logoUrl: 'https://cdn.test/logo.webp',
      socialMediaLinks: {
        contact_email: 'robots@berkeley.edu',
        website: 'https://robots.test',
        facebook: null,
        instagram: ' ',
      },
    });
    const start = new Date('2026-11-05T18:00:00Z');
    await catalog.db.insert(clubEvents).values([
      {
        clubId: club.id,
        kind: 'event',
        name: 'Demo day',
        eventStart: start,
        eventEnd: new Date('2026-11-05T20:00:00Z'),
      },
      { clubId: club.id, kind: 'recruiting', name: 'Info session', eventStart: NOW, eventEnd: NOW },
    ]);
    const replayId = randomUUID();
    // A re-sent request naming other owners only: the catalog leaves it to them.
    const forOthers = randomUUID();
    await catalog.bus.publish([
      makeEvent(
        ReadModelReplayRequestedV1,
        { replayId: forOthers, requestedBy: 'monitor', owners: ['auth', 'media'] },
        'monitor',
      ),
      makeEvent(ReadModelReplayRequestedV1, { replayId, requestedBy: 'monitor' }, 'monitor'),
    ]);
    const restated = await eventually(() =>
      catalog
        .published<{ clubId: string; changed: string[]; club: Record<string, unknown> }>('ClubUpdated', 2)
        .find((event) => event.clubId === club.id),
    );
    expect(restated.changed).toEqual(['replay']);
    expect(restated.club).toMatchObject({
      name: 'Cal Robotics',
      confirmed: true,
      has_logo: true,
      has_banner: false,
      social_links: ['website'],
      event_starts: [start.toISOString()],
    });
    expect(catalog.published('ClubUpdated', 1).filter((event) => event.clubId === club.id)).toEqual([]);
    await eventually(() => catalog.published('TagChanged').length >= 2);
    // Done, after everything restated (the same outbox, in order); nothing for the other owners' request.
    await eventually(() => catalog.published('ReadModelReplayed').length > 0);
    expect(catalog.published('ReadModelReplayed')).toEqual([{ replayId, service: 'catalog' }]);
    const types = catalog.events.map((event) => event.type);
    expect(types.lastIndexOf('ReadModelReplayed')).toBeGreaterThan(
      Math.max(types.lastIndexOf('ClubUpdated'), types.lastIndexOf('TagChanged')),
    );
  });
});
