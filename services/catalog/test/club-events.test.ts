import { AccountConfirmedV1, AccountDeletedV1, makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubRepository } from '../src/data-access/club-repository.js';
import { studentProfileRepository } from '../src/data-access/student-profile-repository.js';
import { updateClub } from '../src/domain/profile/update-club.js';
import { type CatalogHarness, call, startCatalogHarness } from './catalog-harness.js';

const officer = (name: string, email = `${crypto.randomUUID().slice(0, 8)}@berkeley.edu`) =>
  makeEvent(
    UserRegisteredV1,
    {
      userId: crypto.randomUUID(),
      email,
      role: 'officer',
      name: null,
      club: {
        name,
        tags: [1, 4],
        num_users: 2,
        app_required: true,
        new_members: false,
        apply_deadline_start: '2026-01-10T09:00:00-08:00',
        apply_deadline_end: '2026-01-20T17:00:00-08:00',
        recruiting_start: null,
        recruiting_end: null,
      },
    },
    'auth',
  );

describe('the catalog’s account events and club events', () => {
  let catalog: CatalogHarness;
  beforeAll(async () => {
    catalog = await startCatalogHarness();
  }, 60_000);
  afterAll(() => catalog?.close());

  const clubOf = (ownerUserId: string) => clubRepository(catalog.db).findByOwner(ownerUserId);
  const listed = async () =>
    (await call(catalog.url('/api/catalog/organizations?limit=1000'))).body.results.map(
      (club: { link_name: string }) => club.link_name,
    );

  it('creates a registered officer’s club hidden, shows it once confirmed, and announces both', async () => {
    const registered = officer('Cal Débate Society!');
    await catalog.bus.publish([registered]);
    const club = await eventually(() => clubOf(registered.data.userId));
    expect(club).toMatchObject({
      name: 'Cal Débate Society!',
      linkName: 'cal-debate-society',
      confirmed: false,
      tags: [1, 4],
      numUsers: 2,
      socialMediaLinks: { contact_email: registered.data.email },
    });
    expect(club.applyDeadlineEnd?.toISOString()).toBe('2026-01-21T01:00:00.000Z');
    const created = await eventually(() =>
      catalog
        .published<{ clubId: string; club: { visible: boolean } }>('ClubCreated', 1)
        .find((e) => e.clubId === club.id),
    );
    expect(created.club.visible).toBe(false);
    expect(await listed()).not.toContain('cal-debate-society');

    const confirmed = makeEvent(
      AccountConfirmedV1,
      { userId: registered.data.userId, email: registered.data.email, role: 'officer' },
      'auth',
    );
    await catalog.bus.publish([confirmed]);
    await eventually(async () => (await listed()).includes('cal-debate-society'));
    const updated = catalog.published<{ clubId: string; changed: string[]; club: { visible: boolean } }>(
      'ClubUpdated',
      1,
    );
    expect(updated.filter((e) => e.clubId === club.id)).toEqual([
      expect.objectContaining({
        changed: ['confirmed', 'visible'],
        club: expect.objectContaining({ visible: true }),
      }),
    ]);

    // Redelivery of both events changes nothing and announces nothing more.
    const fromCatalog = () => catalog.events.filter((event) => event.source === 'catalog').length;
    const before = fromCatalog();
    await catalog.bus.publish([registered, confirmed]);
    await catalog.settled();
    expect(fromCatalog()).toBe(before);
  });

  it('shows the club when the confirmation arrives before the registration (retried until it exists)', async () => {
    const registered = officer('Early Birds');
    const confirmed = makeEvent(
      AccountConfirmedV1,
      { userId: registered.data.userId, email: registered.data.email, role: 'officer' },
      'auth',
    );
    await catalog.bus.publish([confirmed]);
    // Tried (and failed: no club yet) before the registration arrives.
    await catalog.handledSoFar();
    await catalog.bus.publish([registered]);
    await eventually(async () => (await listed()).includes('early-birds'));
    expect(await catalog.bus.takeDeadLetters('catalog')).toEqual([]);
  });

  it('gives a second club of the same name a unique link name', async () => {
    const first = officer('Chess Club');
    const second = officer('Chess Club');
    await catalog.bus.publish([first]);
    await eventually(() => clubOf(first.data.userId));
    await catalog.bus.publish([second]);
    const club = await eventually(() => clubOf(second.data.userId));
    expect((await clubOf(first.data.userId))?.linkName).toBe('chess-club');
    expect(club.linkName).toBe('chess-club-2');
  });

  it('deletes a deleted officer’s club with its lists, and publishes ClubDeleted once', async () => {
    const registered = officer('Gone Soon');
    await catalog.bus.publish([registered]);
    const club = await eventually(() => clubOf(registered.data.userId));
    const deleted = makeEvent(
      AccountDeletedV1,
      { userId: registered.data.userId, email: registered.data.email, role: 'officer', clubId: club.id },
      'auth',
    );
    await catalog.bus.publish([deleted, deleted]);
    await eventually(async () => !(await clubOf(registered.data.userId)));
    await catalog.settled();
    expect(catalog.published<{ clubId: string }>('ClubDeleted').filter((e) => e.clubId === club.id)).toEqual([
      { clubId: club.id, ownerUserId: registered.data.userId, link_name: 'gone-soon' },
    ]);
  });

  it('creates a student’s profile on registration and removes it on deletion', async () => {
    const userId = crypto.randomUUID();
    const data = { userId, email: 'oski@berkeley.edu', role: 'student' as const };
    await catalog.bus.publish([
      makeEvent(UserRegisteredV1, { ...data, name: 'Oski Bear', club: null }, 'auth'),
    ]);
    const profile = await eventually(() => studentProfileRepository(catalog.db).find(userId));
    expect(profile.fullName).toBe('Oski Bear');
    await catalog.bus.publish([makeEvent(AccountDeletedV1, { ...data, clubId: null }, 'auth')]);
    await eventually(async () => !(await studentProfileRepository(catalog.db).find(userId)));
  });

  it('updateClub writes only what differs, merges social links, and emits one ClubUpdated', async () => {
    const club = await catalog.addClub({
      name: 'Sailing',
      socialMediaLinks: { contact_email: 'sail@berkeley.edu', website: 'https://sail.example.org' },
    });
    const before = club.lastUpdated.getTime();
    // The next write's last_updated must be able to differ from this one.
    await eventually(() => Date.now() > before);
    const updated = await updateClub(catalog.service.context, club.id, {
      name: 'Sailing',
      about_us: 'On the bay.',
      social_media_links: { instagram: 'https://instagram.com/sail' },
      recruiting_end: '2026-05-01T17:00:00-07:00',
    });
    expect(updated.aboutUs).toBe('On the bay.');
    expect(updated.socialMediaLinks).toEqual({
      contact_email: 'sail@berkeley.edu',
      website: 'https://sail.example.org',
      instagram: 'https://instagram.com/sail',
    });
    expect(updated.lastUpdated.getTime()).toBeGreaterThan(before);
    const announced = await eventually(() => {
      const found = catalog
        .published<{ clubId: string }>('ClubUpdated', 1)
        .filter((e) => e.clubId === club.id);
      return found.length > 0 ? found : undefined;
    });
    expect(announced).toEqual([
      expect.objectContaining({ changed: ['about_us', 'recruiting_end', 'social_media_links'] }),
    ]);

    const same = await updateClub(catalog.service.context, club.id, {
      about_us: 'On the bay.',
      // Clearing a link that was never set, and restating one: no change.
      social_media_links: { youtube: null, website: 'https://sail.example.org' },
      recruiting_end: new Date('2026-05-02T00:00:00Z'),
    });
    expect(same.lastUpdated.getTime()).toBe(updated.lastUpdated.getTime());
    await catalog.settled();
    expect(
      catalog.published<{ clubId: string }>('ClubUpdated', 1).filter((e) => e.clubId === club.id),
    ).toHaveLength(1);
  });

  it('answers 404 for an update of a club that does not exist', async () => {
    await expect(
      updateClub(catalog.service.context, crypto.randomUUID(), { name: 'X' }),
    ).rejects.toMatchObject({
      status: 404,
    });
    await expect(updateClub(catalog.service.context, 'not-a-uuid', { name: 'X' })).rejects.toMatchObject({
      status: 404,
    });
  });
});
