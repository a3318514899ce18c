import {
  AccountConfirmedV1,
  AccountDeletedV1,
  type EventEnvelope,
  makeEvent,
  UserRegisteredV1,
} from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubRepository } from '../src/data-access/club-repository.js';
import { inbox } from '../src/data-access/schema.js';
import { studentProfileRepository } from '../src/data-access/student-profile-repository.js';
import { type CatalogHarness, call, startCatalogHarness } from './catalog-harness.js';

/** An event as auth's outbox stamps it: the account's version, given in the transaction of the change. */
const versioned = <E extends EventEnvelope<{ userId: string }>>(event: E, version: number): E => ({
  ...event,
  aggregate: { type: 'account', id: event.data.userId, version },
});

/**
 * Auth's account events reach the catalog in any order (a retry after a failure, a redelivery): the
 * catalog follows the account's versions, not their arrival.
 */
describe('the catalog follows an account’s versions, whatever order its events arrive in', () => {
  let catalog: CatalogHarness;
  beforeAll(async () => {
    catalog = await startCatalogHarness();
  }, 60_000);
  afterAll(() => catalog?.close());

  const handled = (events: EventEnvelope[]) =>
    eventually(async () => {
      const ids = events.map((e) => e.id);
      const rows = await catalog.db
        .select()
        .from(inbox)
        .where(and(eq(inbox.consumer, 'catalog'), inArray(inbox.eventId, ids)));
      return rows.length === ids.length;
    });
  const listed = async () =>
    (await call(catalog.url('/api/catalog/organizations?limit=1000'))).body.results.map(
      (club: { link_name: string }) => club.link_name,
    );

  it('an officer’s registration and confirmation retried after the account’s deletion create no club', async () => {
    const userId = crypto.randomUUID();
    const email = 'late-club@berkeley.edu';
    const club = {
      name: 'Late Club',
      tags: [1],
      num_users: 0,
      app_required: false,
      new_members: true,
      apply_deadline_start: null,
      apply_deadline_end: null,
      recruiting_start: null,
      recruiting_end: null,
    };
    const deleted = versioned(
      makeEvent(AccountDeletedV1, { userId, email, role: 'officer', clubId: null }, 'auth'),
      3,
    );
    const late = [
      versioned(makeEvent(UserRegisteredV1, { userId, email, role: 'officer', name: null, club }, 'auth'), 1),
      versioned(makeEvent(AccountConfirmedV1, { userId, email, role: 'officer' }, 'auth'), 2),
    ];
    await catalog.bus.publish([deleted]);
    await handled([deleted]);
    await catalog.bus.publish(late);
    await handled(late);
    expect(await clubRepository(catalog.db).findByOwner(userId)).toBeUndefined();
    expect(await listed()).not.toContain('late-club');
    expect(
      catalog.published<{ ownerUserId: string }>('ClubCreated', 1).map((e) => e.ownerUserId),
    ).not.toContain(userId);
  });

  it('a student’s registration retried after the confirmation still creates the profile', async () => {
    const userId = crypto.randomUUID();
    const account = { userId, email: 'early@berkeley.edu', role: 'student' as const };
    const confirmed = versioned(makeEvent(AccountConfirmedV1, account, 'auth'), 2);
    const registered = versioned(
      makeEvent(UserRegisteredV1, { ...account, name: 'Early', club: null }, 'auth'),
      1,
    );
    await catalog.bus.publish([confirmed]);
    await handled([confirmed]);
    await catalog.bus.publish([registered]);
    await handled([registered]);
    expect((await studentProfileRepository(catalog.db).find(userId))?.fullName).toBe('Early');
  });
});
