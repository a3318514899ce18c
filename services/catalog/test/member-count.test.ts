import { ClubMembersCountedV1, type EventEnvelope, makeEvent } from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Club } from '../src/data-access/club-repository.js';
import { inbox } from '../src/data-access/schema.js';
import { type CatalogHarness, call, startCatalogHarness } from './catalog-harness.js';

/** A count as engagement's outbox stamps it: the club's `club-members` version, one per count. */
const counted = (clubId: string, members: number, version: number) => ({
  ...makeEvent(ClubMembersCountedV1, { clubId, members }, 'engagement'),
  aggregate: { type: 'club-members', id: clubId, version },
});

/**
 * Engagement counts each club's members (ClubMembersCounted); the catalog shows the newest count as
 * `member_count` on the club's page and in the list, whatever order the counts arrive in.
 */
describe('member_count follows engagement’s ClubMembersCounted', () => {
  let catalog: CatalogHarness;
  beforeAll(async () => {
    catalog = await startCatalogHarness();
  }, 60_000);
  afterAll(() => catalog?.close());

  /** Publishes the events and waits until the catalog committed each (its inbox holds them). */
  async function deliver(events: EventEnvelope[]) {
    await catalog.bus.publish(events);
    const ids = events.map((event) => event.id);
    await eventually(async () => {
      const rows = await catalog.db
        .select()
        .from(inbox)
        .where(and(eq(inbox.consumer, 'catalog'), inArray(inbox.eventId, ids)));
      return rows.length === ids.length;
    });
  }
  const page = async (club: Club) =>
    (await call(catalog.url(`/api/catalog/organizations/${club.linkName}`))).body;
  const listEntry = async (club: Club, query = '') => {
    const { body } = await call(catalog.url(`/api/catalog/organizations?limit=1000${query}`));
    return body.results.find((entry: { link_name: string }) => entry.link_name === club.linkName);
  };

  it('shows a new count on the club page, in the list and in search results, and leaves last_updated', async () => {
    const club = await catalog.addClub({ name: 'Counted Choir', aboutUs: 'We sing in harmony.' });
    const before = await page(club);
    expect(before.member_count).toBe(0);
    expect((await listEntry(club)).member_count).toBe(0);

    await deliver([counted(club.id, 12, 1)]);
    const after = await page(club);
    expect(after.member_count).toBe(12);
    expect(after.last_updated).toBe(before.last_updated);
    expect((await listEntry(club)).member_count).toBe(12);
    expect((await listEntry(club, '&q=harmony')).member_count).toBe(12);

    await deliver([counted(club.id, 0, 2)]);
    expect((await page(club)).member_count).toBe(0);
  });

  it('keeps the newest count when an older one arrives late', async () => {
    const club = await catalog.addClub({ name: 'Late Count Club' });
    await deliver([counted(club.id, 7, 3)]);
    await deliver([counted(club.id, 4, 2), counted(club.id, 5, 1)]);
    expect((await page(club)).member_count).toBe(7);
    // A newer count still applies after the stale ones were skipped.
    await deliver([counted(club.id, 8, 4)]);
    expect((await page(club)).member_count).toBe(8);
  });

  it('ignores, without failing, a count for a club it does not have', async () => {
    const club = await catalog.addClub({ name: 'Bystander Club' });
    // The inbox records an event only when its handler committed: a failure would retry, not record.
    await deliver([counted(crypto.randomUUID(), 3, 1), counted('not-a-club-id', 3, 1)]);
    expect((await page(club)).member_count).toBe(0);
    // A count is not an edit of the club: no ClubUpdated for any of the counts above.
    await catalog.settled();
    expect(catalog.published('ClubUpdated', 1)).toEqual([]);
  });
});
