import { randomUUID } from 'node:crypto';
import { makeEvent, ReadModelReplayRequestedV1 } from '@sproul/common/events';
import { eventually, fetchJson } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type AuthHarness, officerRegistration, startAuth } from './auth-harness.js';

const OFFICER = { email: 'robots@berkeley.edu', password: 'Robots-4-ever!' };

describe('what auth tells the monitor: activity, the RSO list, and a replay of its state', () => {
  let auth: AuthHarness;
  let admin: string;
  let officerId: string;

  beforeAll(async () => {
    auth = await startAuth();
    admin = (await fetchJson(auth.url('/api/monitor/login'), { body: ADMIN })).body.access;
  });
  afterAll(() => auth?.close());

  const asAdmin = (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetchJson(auth.url(`/api/monitor${path}`), { ...init, token: admin });
  const signIns = () => auth.published<{ userId: string; role: string; via: string }>('AccountSignedIn');

  it('announces each RSO email added (one by one or imported) and removed', async () => {
    expect((await asAdmin('/rso', { body: { email: OFFICER.email } })).status).toBe(200);
    expect(
      (await asAdmin('/rso/import', { body: { emails: ['a@berkeley.edu', OFFICER.email] } })).status,
    ).toBe(200);
    expect((await asAdmin('/rso/a@berkeley.edu', { method: 'DELETE' })).status).toBe(200);
    expect((await asAdmin('/rso', { body: { email: OFFICER.email } })).status).toBe(400);
    await auth.settled();
    expect(auth.published('RsoListEntryChanged')).toEqual([
      { email: OFFICER.email, listed: true },
      { email: 'a@berkeley.edu', listed: true },
      { email: 'a@berkeley.edu', listed: false },
    ]);
  });

  it('announces every sign-in and token refresh as activity, with the account’s role', async () => {
    expect(
      (await fetchJson(auth.url('/api/user/register'), { body: officerRegistration(OFFICER.email) })).status,
    ).toBe(200);
    const before = signIns().length;
    const session = (await fetchJson(auth.url('/api/user/login'), { body: OFFICER })).body;
    expect(session.access).toBeTruthy();
    expect(
      (await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: session.refresh })).status,
    ).toBe(200);
    expect(
      (await fetchJson(auth.url('/api/user/login'), { body: { ...OFFICER, password: 'wrong' } })).status,
    ).toBe(400);
    await auth.settled();
    const officer = auth
      .published<{ userId: string; email: string }>('UserRegistered')
      .find((data) => data.email === OFFICER.email);
    officerId = officer?.userId as string;
    expect(signIns().slice(before)).toEqual([
      { userId: officerId, role: 'officer', via: 'sign-in' },
      { userId: officerId, role: 'officer', via: 'refresh' },
    ]);
  });

  it('answers a replay request with every account and RSO email as they are now, then says it is done', async () => {
    const replayId = randomUUID();
    // A re-sent request naming other owners only: auth leaves it to them.
    const forOthers = randomUUID();
    await auth.bus.publish([
      makeEvent(
        ReadModelReplayRequestedV1,
        { replayId: forOthers, requestedBy: 'monitor', owners: ['catalog', 'media'] },
        'monitor',
      ),
      makeEvent(
        ReadModelReplayRequestedV1,
        { replayId, requestedBy: 'monitor', owners: ['auth'] },
        'monitor',
      ),
    ]);
    const snapshots = await eventually(() => {
      const found = auth.published<{ userId: string; replayId: string }>('AccountSnapshot');
      return found.length >= 2 ? found : undefined;
    });
    const officer = snapshots.find((snapshot) => snapshot.userId === officerId);
    expect(officer).toMatchObject({ role: 'officer', email: OFFICER.email, confirmedAt: null, replayId });
    expect(snapshots.map((snapshot) => (snapshot as unknown as { role: string }).role).sort()).toEqual([
      'admin',
      'officer',
    ]);
    await auth.settled();
    expect(auth.published('RsoListEntryChanged').slice(3)).toEqual([{ email: OFFICER.email, listed: true }]);
    // The marker comes last, after everything restated (the same outbox, in order).
    expect(auth.published('ReadModelReplayed')).toEqual([{ replayId, service: 'auth' }]);
    const types = auth.events.map((event) => event.type);
    expect(types.lastIndexOf('ReadModelReplayed')).toBeGreaterThan(
      Math.max(types.lastIndexOf('AccountSnapshot'), types.lastIndexOf('RsoListEntryChanged')),
    );
  });
});
