import { randomUUID } from 'node:crypto';
import { makeEvent, ReadModelReplayRequestedV1 } from '@sproul/common/events';
import { eventually, fetchJson as send } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Club } from '../src/data-access/club-repository.js';
import { type CatalogHarness, type CatalogStorage, call, startCatalogHarness } from './catalog-harness.js';

type Announced = {
  eventId: string;
  clubId: string;
  event: {
    kind: string;
    name: string;
    location: string;
    starts_at: string;
    ends_at: string;
    invite_only: boolean;
  };
};

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each<CatalogStorage>(['embedded', 'postgres'])(
  'club events: announcements, replay, cancelled in the feed (%s)',
  (storage) => {
    let catalog: CatalogHarness;
    let club: Club;
    let token: string;
    // The catalog's clock (when an event was cancelled, how old a cancellation is): moved by the tests.
    let now = new Date('2026-09-01T12:00:00Z');
    const as = (method: string, path: string, body?: unknown) =>
      send(catalog.url(`/api/admin${path}`), { method, body, token });
    const ofClub = <T extends { clubId: string }>(events: T[]) => events.filter((e) => e.clubId === club.id);
    const scheduled = () => ofClub(catalog.published<Announced>('ClubEventScheduled', 1));
    const changed = () => ofClub(catalog.published<Announced>('ClubEventChanged', 1));
    const cancelled = () =>
      ofClub(
        catalog.published<{ eventId: string; clubId: string; name: string; starts_at: string }>(
          'ClubEventCancelled',
          1,
        ),
      );
    const feed = async () =>
      (await call(catalog.url(`/api/catalog/organizations/${club.linkName}/events.ics`))).body as string;

    beforeAll(async () => {
      catalog = await startCatalogHarness({}, storage, { clock: () => now });
      const officerId = randomUUID();
      club = await catalog.addClub({
        name: 'Cal Robotics',
        ownerUserId: officerId,
        ownerEmail: 'r@berkeley.edu',
      });
      token = await catalog.auth.token('officer', { sub: officerId, email: 'r@berkeley.edu' });
    });
    afterAll(() => catalog?.close());

    let eventId: string;
    let recruitingId: string;

    it('announces an added event and recruiting event with their summaries', async () => {
      const added = await as('POST', '/events', {
        name: 'Info session',
        location: 'Cory 521',
        event_start: '2026-09-03 18:00',
        event_end: '2026-09-03 19:30',
        description: 'Meet the team.',
      });
      expect(added.status).toBe(200);
      eventId = added.body[0].id;
      const recruiting = await as('POST', '/recruiting-events', {
        name: 'Coffee chat',
        link: null,
        virtual_link: null,
        event_start: '2026-09-04T10:00:00',
        event_end: '2026-09-04T11:00:00',
        description: '',
        invite_only: true,
      });
      expect(recruiting.status).toBe(200);
      recruitingId = recruiting.body[0].id;
      await catalog.settled();
      expect(scheduled()).toEqual([
        {
          eventId,
          clubId: club.id,
          event: {
            kind: 'event',
            name: 'Info session',
            location: 'Cory 521',
            starts_at: '2026-09-04T01:00:00.000Z',
            ends_at: '2026-09-04T02:30:00.000Z',
            invite_only: false,
          },
        },
        {
          eventId: recruitingId,
          clubId: club.id,
          event: expect.objectContaining({ kind: 'recruiting', name: 'Coffee chat', invite_only: true }),
        },
      ]);
    });

    it('announces an edit of the summary; an edit that changes nothing (or only the description) is silent', async () => {
      expect((await as('PUT', `/events/${eventId}`, { name: 'Info session' })).status).toBe(200);
      expect((await as('PUT', `/events/${eventId}`, { description: 'New words.' })).status).toBe(200);
      await catalog.settled();
      expect(changed()).toEqual([]);
      expect((await as('PUT', `/events/${eventId}`, { location: 'Etcheverry 3106' })).status).toBe(200);
      expect(
        (await as('PUT', `/recruiting-events/${recruitingId}`, { event_end: '2026-09-04T11:30:00' })).status,
      ).toBe(200);
      await catalog.settled();
      expect(changed()).toEqual([
        { eventId, clubId: club.id, event: expect.objectContaining({ location: 'Etcheverry 3106' }) },
        {
          eventId: recruitingId,
          clubId: club.id,
          event: expect.objectContaining({ ends_at: '2026-09-04T18:30:00.000Z' }),
        },
      ]);
    });

    it('announces a removal, and keeps the event in the feed as cancelled but off the club page', async () => {
      expect((await as('DELETE', `/events/${eventId}`)).status).toBe(200);
      expect((await as('DELETE', `/events/${eventId}`)).status).toBe(404);
      await catalog.settled();
      expect(cancelled()).toEqual([
        { eventId, clubId: club.id, name: 'Info session', starts_at: '2026-09-04T01:00:00.000Z' },
      ]);
      const page = await call(catalog.url(`/api/catalog/organizations/${club.linkName}`));
      expect(page.body.events).toEqual([]);
      expect(page.body.recruiting_events.map((e: { id: string }) => e.id)).toEqual([recruitingId]);

      const body = await feed();
      const vevents = body.split('BEGIN:VEVENT').slice(1);
      expect(vevents).toHaveLength(2);
      const gone = vevents.find((text) => text.includes(`UID:${eventId}@sproul.club`)) as string;
      expect(gone).toContain('STATUS:CANCELLED\r\nSEQUENCE:1\r\n');
      expect(gone).toContain('SUMMARY:Info session\r\n');
      const live = vevents.find((text) => text.includes(`UID:${recruitingId}@sproul.club`)) as string;
      expect(live).not.toContain('STATUS:CANCELLED');
    });

    it('restates every current event on a replay, before its ReadModelReplayed', async () => {
      const replayId = randomUUID();
      const before = catalog.events.length;
      await catalog.bus.publish([
        makeEvent(ReadModelReplayRequestedV1, { replayId, requestedBy: 'monitor' }, 'monitor'),
      ]);
      await eventually(() =>
        catalog.events
          .slice(before)
          .some(
            (e) => e.type === 'ReadModelReplayed' && (e.data as { replayId: string }).replayId === replayId,
          ),
      );
      const after = catalog.events.slice(before);
      const restated = after.filter(
        (e) => e.type === 'ClubEventScheduled' && (e.data as Announced).clubId === club.id,
      );
      // The removed event is not restated; the recruiting event is, as it is now.
      expect(restated.map((e) => e.data)).toEqual([
        {
          eventId: recruitingId,
          clubId: club.id,
          event: expect.objectContaining({ kind: 'recruiting', ends_at: '2026-09-04T18:30:00.000Z' }),
        },
      ]);
      const types = after.map((e) => e.type);
      expect(types.lastIndexOf('ClubEventScheduled')).toBeLessThan(types.indexOf('ReadModelReplayed'));
    });

    it('drops a cancellation from the feed after 30 days', async () => {
      now = new Date(now.getTime() + 29 * DAY_MS);
      expect(await feed()).toContain('STATUS:CANCELLED');
      now = new Date(now.getTime() + 2 * DAY_MS);
      const body = await feed();
      expect(body).not.toContain('STATUS:CANCELLED');
      expect(body).not.toContain(eventId);
      expect(body).toContain(`UID:${recruitingId}@sproul.club`);
    });
  },
);
