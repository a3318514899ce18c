import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STUDENT_PASSWORD } from '../scripts/src/demo-accounts.js';
import { type Api, startTestPlatform, type TestPlatform } from './support/platform.js';

const ADMIN = { email: 'admin@campus.test', password: 'Admin-pass-42!' };
const OFFICER = { email: 'chess@berkeley.edu', password: 'Check-mate-42!' };

// The admin dashboard (sc-admin) against `npm start`'s composition: tokens from auth, pages from the catalog.
describe('the admin dashboard’s club and tag pages through the gateway (embedded platform)', () => {
  let testPlatform: TestPlatform;
  let events: TestPlatform['events'] = [];
  let api: Api;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('dashboard', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      FRONTEND_BASE_URL: 'http://web.test',
      SEED_DEMO: '0',
    });
    ({ events, api } = testPlatform);
  }, 90_000);
  afterAll(() => testPlatform?.stop());

  it('with SEED_DEMO=0, has no demo accounts to list or sign in with', async () => {
    expect(testPlatform.platform.demoAccounts).toEqual([]);
    expect((await api('/')).body).not.toContain('Demo accounts');
    const demo = await api('/api/student/login', {
      body: { email: 'demo.student@berkeley.edu', password: DEMO_STUDENT_PASSWORD },
    });
    expect(demo.body).toMatchObject({ status: 'error', reason: 'The email or password is incorrect.' });
  });

  it('an admin manages tags and a registered club; an officer is kept out', async () => {
    const admin = (await api('/api/monitor/login', { body: ADMIN })).body.access as string;
    const asAdmin = (route: string, init: { method?: string; body?: unknown } = {}) =>
      api(`/api/monitor${route}`, { ...init, token: admin });

    // Tags: the page lists the seeded tags; a new one appears in the web client's list at the next id.
    const page = await asAdmin('/tags/list');
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    const seeded = page.body as { _id: number; name: string; num_clubs: number }[];
    expect(seeded.length).toBeGreaterThan(5);
    expect(await asAdmin('/tags', { body: { name: 'Board Games' } })).toMatchObject({ status: 200 });
    const tags = (await api('/api/catalog/tags')).body as { id: number; name: string }[];
    expect(tags.at(-1)).toEqual({ id: seeded.length, name: 'Board Games' });
    expect((await asAdmin('/tags/download')).body).toContain(`${seeded.length},Board Games,0`);

    // An officer registers a club (hidden until confirmed): the club page lists it unconfirmed.
    expect((await asAdmin('/rso', { body: { email: OFFICER.email } })).status).toBe(200);
    const register = await api('/api/user/register', {
      body: {
        name: 'Chess Club',
        ...OFFICER,
        tags: [tags.length - 1],
        app_required: false,
        new_members: true,
        num_users: 0,
        apply_deadline_start: null,
        apply_deadline_end: null,
        recruiting_start: null,
        recruiting_end: null,
      },
    });
    expect(register.status).toBe(200);
    const clubs = await eventually(async () => {
      const list = (await asAdmin('/club/list')).body as { email: string }[];
      return list.length > 0 ? list : undefined;
    });
    expect(clubs).toEqual([
      {
        name: 'Chess Club',
        email: OFFICER.email,
        confirmed: false,
        reactivated: true,
        hidden: false,
        link_name: 'chess-club',
      },
    ]);
    // A hidden club does not hold its tag: the admin may delete it, and "Board Games" is gone.
    expect((await asAdmin(`/tags/${tags.length - 1}`, { method: 'DELETE' })).status).toBe(200);
    expect(((await api('/api/catalog/tags')).body as unknown[]).length).toBe(seeded.length);

    const officer = (await api('/api/user/login', { body: OFFICER })).body.access as string;
    expect(officer).toBeTruthy();
    for (const route of ['/api/monitor/club/list', '/api/monitor/tags/list']) {
      expect((await api(route, { token: officer })).status, route).toBe(401);
      expect((await api(route)).status, route).toBe(401);
    }

    expect(await asAdmin('/club/chess@berkeley.edu', { method: 'DELETE' })).toMatchObject({
      status: 200,
      body: { status: 'success' },
    });
    expect((await asAdmin('/club/list')).body).toEqual([]);
    await eventually(() => events.find((event) => event.type === 'ClubDeleted'));
    // As upstream, deleting the club deletes its officer: the account closes, its sessions end at once,
    // and the email can then leave the RSO list.
    await eventually(() =>
      events.find(
        (event) =>
          event.type === 'AccountDeleted' && (event.data as { email: string }).email === OFFICER.email,
      ),
    );
    expect((await api('/api/user', { token: officer })).status).toBe(401);
    expect((await api('/api/user/login', { body: OFFICER })).status).toBe(400);
    expect((await asAdmin(`/rso/${OFFICER.email}`, { method: 'DELETE' })).status).toBe(200);
  });

  it('lists the dashboard routes in the gateway’s API document', async () => {
    const paths = Object.keys((await api('/api/openapi.json')).body.paths);
    for (const path of ['/api/monitor/club/list', '/api/monitor/club/{email}', '/api/monitor/tags/{id}']) {
      expect(paths).toContain(path);
    }
  });
});
