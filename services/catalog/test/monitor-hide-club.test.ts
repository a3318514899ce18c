import { eventually, storageKinds } from '@sproul/common/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Club } from '../src/data-access/club-repository.js';
import { updateClub } from '../src/domain/profile/update-club.js';
import { type CatalogHarness, call, startCatalogHarness } from './catalog-harness.js';

type Update = { clubId: string; changed: string[]; club: Record<string, unknown> };
type Listed = { name: string; link_name: string };

describe.each(await storageKinds())(
  'an admin hides and unhides a club (/api/monitor/club/:email/hide) (%s)',
  (kind) => {
    let catalog: CatalogHarness;
    let robotics: Club;
    let rover: Club;
    let chess: Club;
    let admin: string;
    let officer: string;
    let student: string;
    const officerId = crypto.randomUUID();

    beforeAll(async () => {
      catalog = await startCatalogHarness({}, kind);
      [robotics, rover, chess] = (await catalog.addClubs([
        {
          name: 'Robotics Society',
          linkName: 'robotics-society',
          ownerUserId: officerId,
          ownerEmail: 'robots@berkeley.edu',
          tags: [1, 2],
          aboutUs: 'We build robots.',
        },
        { name: 'Rover Team', linkName: 'rover-team', ownerEmail: 'rover@berkeley.edu', tags: [1, 2] },
        {
          name: 'Chess Circle',
          linkName: 'chess-circle',
          ownerEmail: 'chess@berkeley.edu',
          confirmed: false,
        },
      ])) as [Club, Club, Club];
      await catalog.addEvents(robotics.id, 'event', [
        {
          name: 'Demo day',
          eventStart: new Date('2026-03-01T18:00:00Z'),
          eventEnd: new Date('2026-03-01T20:00:00Z'),
        },
      ]);
      admin = await catalog.auth.token('admin');
      officer = await catalog.auth.token('officer', { sub: officerId, email: 'robots@berkeley.edu' });
      student = await catalog.auth.token('student', { sub: crypto.randomUUID(), email: 'oski@berkeley.edu' });
      const favorite = await call(catalog.url('/api/student/favorite-clubs'), {
        method: 'POST',
        token: student,
        body: { clubs: [robotics.linkName] },
      });
      expect(favorite.status).toBe(200);
    }, 60_000);
    beforeEach(() => catalog.recommender.set('failing'));
    afterAll(() => catalog?.close());

    const asAdmin = (action: 'hide' | 'unhide', email: string) =>
      call(catalog.url(`/api/monitor/club/${email}/${action}`), { method: 'POST', token: admin });
    const listed = async () => (await call(catalog.url('/api/monitor/club/list'), { token: admin })).body;
    const page = (link: string) => call(catalog.url(`/api/catalog/organizations/${link}`));
    const catalogLinks = async (query = '') => {
      const { body } = await call(catalog.url(`/api/catalog/organizations?${query}`));
      return (body.results as Listed[]).map((club) => club.link_name);
    };
    const favorites = async () =>
      ((await call(catalog.url('/api/student/favorite-clubs'), { token: student })).body as Listed[]).map(
        (club) => club.link_name,
      );
    /** The similar clubs on the rover's page, with the recommender naming the robotics club first. */
    const similarToRover = async () => {
      catalog.recommender.set({ answer: { similar: [{ link_name: robotics.linkName, score: 0.9 }] } });
      const { body } = await page(rover.linkName);
      return (body.recommended_clubs as Listed[]).map((club) => club.link_name);
    };
    const updatesOf = (club: Club, version: 1 | 2) =>
      catalog.published<Update>('ClubUpdated', version).filter((update) => update.clubId === club.id);

    it('lets only admins hide or unhide: 401 without a token, or with an officer or student token', async () => {
      for (const action of ['hide', 'unhide']) {
        const url = catalog.url(`/api/monitor/club/robots@berkeley.edu/${action}`);
        for (const token of [undefined, officer, student]) {
          const res = await call(url, { method: 'POST', token });
          expect(res.status, `${action} ${token?.slice(0, 10)}`).toBe(401);
          expect(res.body.status).toBe('error');
        }
      }
      expect((await page(robotics.linkName)).status).toBe(200);
      expect((await listed()).find((club: Listed) => club.name === robotics.name).hidden).toBe(false);
    });

    it('answers 404 for an email no club has, 400 for one that cannot be an email, 405 for a GET', async () => {
      const unknown = await asAdmin('hide', 'nobody@berkeley.edu');
      expect(unknown).toMatchObject({
        status: 404,
        body: { status: 'error', reason: 'The requested club does not exist!' },
      });
      for (const email of ['a'.repeat(300), '%00', '%0A']) {
        const res = await asAdmin('hide', email);
        expect(res.status, email).toBe(400);
        expect(res.body.status).toBe('error');
      }
      const get = await call(catalog.url('/api/monitor/club/robots@berkeley.edu/hide'), { token: admin });
      expect(get.status).toBe(405);
      expect(updatesOf(robotics, 1)).toEqual([]);
    });

    it('hides a club from the catalog list, search, its page and calendar, favourites and similar clubs', async () => {
      expect(await catalogLinks()).toContain(robotics.linkName);
      expect(await catalogLinks('q=robots')).toEqual([robotics.linkName]);
      expect(await similarToRover()).toContain(robotics.linkName);

      const res = await asAdmin('hide', 'Robots@Berkeley.EDU');
      expect(res).toMatchObject({
        status: 200,
        body: {
          name: 'Robotics Society',
          email: 'robots@berkeley.edu',
          confirmed: true,
          reactivated: true,
          hidden: true,
          link_name: robotics.linkName,
        },
      });
      expect(await listed()).toContainEqual(res.body);
      expect(await catalogLinks()).toEqual([rover.linkName]);
      expect(await catalogLinks('q=robots')).toEqual([]);
      expect((await page(robotics.linkName)).status).toBe(404);
      expect(
        (await call(catalog.url(`/api/catalog/organizations/${robotics.linkName}/events.ics`))).status,
      ).toBe(404);
      expect(await favorites()).toEqual([]);
      // Neither when the recommender names it, nor in the fallback by shared tags.
      expect(await similarToRover()).not.toContain(robotics.linkName);
      catalog.recommender.set('failing');
      expect(((await page(rover.linkName)).body.recommended_clubs as Listed[]).length).toBe(0);
    });

    it('announces it in ClubUpdated v1 and v2 (visible: false), so the recommender and the monitor follow', async () => {
      const [v1] = await eventually(() => {
        const updates = updatesOf(robotics, 1);
        return updates.length > 0 ? updates : undefined;
      });
      expect(v1).toMatchObject({ changed: ['hidden', 'visible'], club: { visible: false } });
      const [v2] = await eventually(() => {
        const updates = updatesOf(robotics, 2);
        return updates.length > 0 ? updates : undefined;
      });
      expect(v2).toMatchObject({
        changed: ['hidden', 'visible'],
        club: { visible: false, confirmed: true, reactivated: true },
      });
    });

    it('hiding a hidden club changes nothing and announces nothing', async () => {
      await catalog.settled();
      const before = updatesOf(robotics, 1).length;
      const again = await asAdmin('hide', 'robots@berkeley.edu');
      expect(again).toMatchObject({ status: 200, body: { hidden: true } });
      await catalog.settled();
      expect(updatesOf(robotics, 1)).toHaveLength(before);
    });

    it('lets its officer still read and edit the club, which stays hidden', async () => {
      const profile = () => call(catalog.url('/api/admin/profile'), { token: officer });
      expect((await profile()).body.name).toBe('Robotics Society');
      const edit = await call(catalog.url('/api/admin/profile'), {
        method: 'POST',
        token: officer,
        body: { about_us: 'Hidden, and still building.' },
      });
      expect(edit).toMatchObject({ status: 200, body: { status: 'success' } });
      expect((await profile()).body.about_us).toBe('Hidden, and still building.');
      expect((await page(robotics.linkName)).status).toBe(404);
      expect(await catalogLinks('q=building')).toEqual([]);
      const edited = await eventually(() =>
        updatesOf(robotics, 1).find((update) => update.changed.includes('about_us')),
      );
      expect(edited.club.visible).toBe(false);
    });

    it('unhiding restores the club everywhere, with the officer’s edit; unhiding again changes nothing', async () => {
      const res = await asAdmin('unhide', 'robots@berkeley.edu');
      expect(res).toMatchObject({ status: 200, body: { hidden: false, link_name: robotics.linkName } });
      expect((await page(robotics.linkName)).body.about_us).toBe('Hidden, and still building.');
      expect((await catalogLinks()).sort()).toEqual([robotics.linkName, rover.linkName].sort());
      expect(await catalogLinks('q=building')).toEqual([robotics.linkName]);
      expect(await favorites()).toEqual([robotics.linkName]);
      expect(await similarToRover()).toContain(robotics.linkName);
      const shown = await eventually(() =>
        updatesOf(robotics, 1).find((update) => update.club.visible === true),
      );
      expect(shown.changed).toEqual(['hidden', 'visible']);

      await catalog.settled();
      const before = updatesOf(robotics, 1).length;
      expect((await asAdmin('unhide', 'robots@berkeley.edu')).body.hidden).toBe(false);
      await catalog.settled();
      expect(updatesOf(robotics, 1)).toHaveLength(before);
    });

    it('keeps a club hidden before its officer confirmed hidden after the confirmation, until unhidden', async () => {
      expect((await asAdmin('hide', 'chess@berkeley.edu')).body).toMatchObject({
        confirmed: false,
        hidden: true,
      });
      // It was not visible, so only `hidden` changed.
      const hidden = await eventually(() => updatesOf(chess, 1).at(-1));
      expect(hidden).toMatchObject({ changed: ['hidden'], club: { visible: false } });

      await updateClub(catalog.service.context, chess.id, { confirmed: true });
      expect((await page(chess.linkName)).status).toBe(404);
      expect(await catalogLinks('q=chess')).toEqual([]);

      await asAdmin('unhide', 'chess@berkeley.edu');
      expect((await page(chess.linkName)).status).toBe(200);
      expect(await catalogLinks('q=chess')).toEqual([chess.linkName]);
    });
  },
);
