import { AccountDeletedV1, ClubOfficerChangedV1, type EventEnvelope, makeEvent } from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubRepository } from '../src/data-access/club-repository.js';
import { inbox } from '../src/data-access/schema.js';
import { type CatalogHarness, call, startCatalogHarness } from './catalog-harness.js';

interface Person {
  id: string;
  email: string;
}
const person = (name: string): Person => ({ id: crypto.randomUUID(), email: `${name}@berkeley.edu` });

/** A ClubOfficerChanged as auth's outbox stamps it: that (club, account) pair's version. */
const officerChanged = (clubId: string, who: Person, role: 'owner' | 'officer' | null, version: number) => ({
  ...makeEvent(
    ClubOfficerChangedV1,
    { clubId, accountId: who.id, email: who.email, name: null, role, changedBy: null },
    'auth',
  ),
  aggregate: { type: 'club-officer', id: `${clubId}:${who.id}`, version },
});

const accountDeleted = (who: Person) => ({
  ...makeEvent(AccountDeletedV1, { userId: who.id, email: who.email, role: 'officer', clubId: null }, 'auth'),
  aggregate: { type: 'account', id: who.id, version: 9 },
});

describe('the catalog’s club owner follows ownership transfers (ClubOfficerChanged)', () => {
  let catalog: CatalogHarness;
  beforeAll(async () => {
    catalog = await startCatalogHarness();
  }, 60_000);
  afterAll(() => catalog?.close());

  /** Publishes events one at a time, in this order, each handled before the next goes out. */
  const deliver = async (...events: EventEnvelope[]) => {
    for (const event of events) {
      await catalog.bus.publish([event]);
      await eventually(async () => {
        const rows = await catalog.db
          .select()
          .from(inbox)
          .where(and(eq(inbox.consumer, 'catalog'), inArray(inbox.eventId, [event.id])));
        return rows.length === 1;
      });
    }
  };
  const ownerOf = async (clubId: string) => (await clubRepository(catalog.db).findById(clubId))?.ownerUserId;

  /** A club registered by `registrant`, whose owner grant auth announced (pair version 1). */
  async function registeredClub(name: string, registrant: Person) {
    const club = await catalog.addClub({ name, ownerUserId: registrant.id, ownerEmail: registrant.email });
    await deliver(officerChanged(club.id, registrant, 'owner', 1));
    return club;
  }

  it('a transfer moves the owner (id and email), in either order of its two events', async () => {
    for (const order of ['owner first', 'officer first']) {
      const [x, y] = [person(`x-${order.length}`), person(`y-${order.length}`)];
      const club = await registeredClub(`Transfer ${order}`, x);
      await deliver(officerChanged(club.id, y, 'officer', 1)); // Y accepted an invitation
      const newOwner = officerChanged(club.id, y, 'owner', 2);
      const oldOwner = officerChanged(club.id, x, 'officer', 2);
      await deliver(...(order === 'owner first' ? [newOwner, oldOwner] : [oldOwner, newOwner]));
      const stored = await clubRepository(catalog.db).findById(club.id);
      expect(stored).toMatchObject({ ownerUserId: y.id, ownerEmail: y.email });
    }
  });

  it('after a transfer, deleting the old owner keeps the club and deleting the new one deletes it', async () => {
    const [x, y] = [person('old-owner'), person('new-owner')];
    const club = await registeredClub('Handed Over', x);
    await deliver(
      officerChanged(club.id, y, 'officer', 1),
      officerChanged(club.id, x, 'officer', 2),
      officerChanged(club.id, y, 'owner', 2),
    );
    await deliver(officerChanged(club.id, x, null, 3), accountDeleted(x));
    expect(await ownerOf(club.id)).toBe(y.id);
    expect(catalog.published<{ clubId: string }>('ClubDeleted', 1).map((e) => e.clubId)).not.toContain(
      club.id,
    );

    await deliver(accountDeleted(y));
    expect(await ownerOf(club.id)).toBeUndefined();
    await eventually(() =>
      catalog.published<{ clubId: string }>('ClubDeleted', 1).some((e) => e.clubId === club.id),
    );
  });

  it('two quick transfers X→Y→X end with X whatever order the pairs’ events interleave in', async () => {
    const [x, y] = [person('quick-x'), person('quick-y')];
    const club = await registeredClub('Back And Forth', x);
    await deliver(officerChanged(club.id, y, 'officer', 1));
    // First transfer: (X officer v2), (Y owner v2); second: (Y officer v3), (X owner v3). Per pair in
    // order, across pairs the worst case: the second's "X owner" before the first's "Y owner".
    await deliver(
      officerChanged(club.id, x, 'officer', 2),
      officerChanged(club.id, x, 'owner', 3),
      officerChanged(club.id, y, 'owner', 2),
    );
    expect(await ownerOf(club.id)).toBe(y.id); // for now: Y's demotion is still on its way
    await deliver(officerChanged(club.id, y, 'officer', 3));
    expect(await ownerOf(club.id)).toBe(x.id);
  });

  it('an officer whose token acts for one club edits that one, even when it owns another', async () => {
    const owner = person('owns-one');
    const owned = await registeredClub('Owned Club', owner);
    const other = await catalog.addClub({ name: 'Chosen Club' });
    const token = await catalog.auth.token('officer', { sub: owner.id, email: owner.email, club: other.id });
    const answer = await call(catalog.url('/api/admin/profile'), { token });
    expect(answer.status).toBe(200);
    expect(answer.body.link_name).toBe(other.linkName);
    const noClaim = await catalog.auth.token('officer', { sub: owner.id, email: owner.email, club: null });
    expect((await call(catalog.url('/api/admin/profile'), { token: noClaim })).body.link_name).toBe(
      owned.linkName,
    );
  });
});
