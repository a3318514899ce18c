import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoClubs } from '../src/seed/load-demo-clubs.js';
import { type CatalogHarness, call, startCatalogHarness } from './catalog-harness.js';

describe('demo catalog on the first embedded start', () => {
  let catalog: CatalogHarness;
  let startedIn: number;
  beforeAll(async () => {
    const started = Date.now();
    catalog = await startCatalogHarness({ SEED_DEMO: '1' });
    startedIn = Date.now() - started;
  }, 120_000);
  afterAll(() => catalog?.close());

  it('lists the demo clubs, each announced with ClubCreated, without slowing the start much', async () => {
    const { body } = await call(catalog.url('/api/catalog/organizations?limit=1000'));
    expect(body.num_results).toBeGreaterThanOrEqual(200);
    expect(catalog.published('ClubCreated', 1)).toHaveLength(body.num_results);
    expect(startedIn).toBeLessThan(60_000);
  });

  it('gives demo clubs pages with events dated around today, and some clubs are recruiting now', async () => {
    const { body: list } = await call(catalog.url('/api/catalog/organizations?recruiting=now&limit=1000'));
    expect(list.num_results).toBeGreaterThan(0);
    const pages = await Promise.all(
      list.results
        .slice(0, 10)
        .map((club: { link_name: string }) =>
          call(catalog.url(`/api/catalog/organizations/${club.link_name}`)),
        ),
    );
    expect(pages.every((page) => page.status === 200)).toBe(true);
    const events = pages.flatMap((page) => [...page.body.events, ...page.body.recruiting_events]);
    expect(events.length).toBeGreaterThan(0);
    const now = Date.now();
    for (const event of events) {
      expect(Math.abs(Date.parse(event.event_start) - now)).toBeLessThan(61 * 24 * 3600_000);
      expect(Date.parse(event.event_end)).toBeGreaterThan(Date.parse(event.event_start));
    }
    expect(pages.some((page) => page.body.faq.length > 0)).toBe(true);
    // Every seeded event is announced too, as an officer's added one would be (after its ClubCreated).
    const announced = () =>
      new Set(catalog.published<{ eventId: string }>('ClubEventScheduled', 1).map((e) => e.eventId));
    await eventually(() => events.every((event: { id: string }) => announced().has(event.id)));
  });

  it('finds demo clubs by the words of their descriptions and events', async () => {
    const { body } = await call(catalog.url('/api/catalog/organizations?q=robot'));
    expect(body.num_results).toBeGreaterThan(0);
  });

  it('adds nothing when loaded again', async () => {
    expect(await loadDemoClubs(catalog.service.context.outbox, 'America/Los_Angeles')).toBe(0);
  });
});
