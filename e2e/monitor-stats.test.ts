import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOfficer } from './support/officer.js';
import { type Api, startTestPlatform, type TestPlatform } from './support/platform.js';

const ADMIN = { email: 'admin@campus.test', password: 'Admin-pass-42!' };
const OFFICER = { email: 'chess@berkeley.edu', password: 'Check-mate-42!', club: 'Chess Club' };
const DASHBOARD = 'http://localhost:3000';
// What sc-admin sends on every call (upstream-clients.md §3.2), hence a preflight before each.
const DASHBOARD_HEADERS = {
  'access-control-allow-origin': '*',
  'ngrok-skip-browser-warning': 'any',
  origin: DASHBOARD,
};
const STATS = [
  '/api/monitor/overview/stats/sign-up',
  '/api/monitor/overview/stats/activity',
  '/api/monitor/more-stats/social-media',
  '/api/monitor/more-stats/club-reqs',
  '/api/monitor/more-stats/pic-stats',
];

// The dashboard's statistics calls against `npm start`'s composition: figures from auth's and the
// catalog's events, the monitor's first-start replay, and a rebuild.
describe('the admin dashboard’s statistics through the gateway (embedded platform)', () => {
  let testPlatform: TestPlatform;
  let events: TestPlatform['events'] = [];
  let api: Api;
  let admin: string;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('monitor-stats', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      FRONTEND_BASE_URL: 'http://web.test',
      SEED_DEMO: '0',
      STATS_CACHE_MS: '0',
      SEARCH_COUNT_INTERVAL_MS: '200',
    });
    ({ events, api } = testPlatform);
    admin = (await api('/api/monitor/login', { body: ADMIN })).body.access;
  }, 90_000);
  afterAll(() => testPlatform?.stop());

  const dashboard = (path: string, init: { method?: string } = {}) =>
    api(path, { ...init, token: admin, headers: DASHBOARD_HEADERS });

  it('answers the dashboard’s preflight and calls with the shapes it reads', async () => {
    for (const path of STATS) {
      const preflight = await fetch(`${testPlatform.platform.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: DASHBOARD,
          'access-control-request-method': 'GET',
          'access-control-request-headers':
            'access-control-allow-origin,authorization,ngrok-skip-browser-warning',
        },
      });
      expect(preflight.status, path).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
      const allowed = preflight.headers.get('access-control-allow-headers')?.toLowerCase() ?? '';
      for (const header of ['access-control-allow-origin', 'authorization', 'ngrok-skip-browser-warning']) {
        expect(allowed, `${path} ${header}`).toContain(header);
      }
      const answer = await dashboard(path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
      expect((await api(path)).status, path).toBe(401);
    }
    const signUp = (await dashboard(STATS[0] as string)).body;
    expect(signUp.club_admin.history.clubs_registered).toHaveLength(10);
    expect(Object.keys((await dashboard('/api/monitor/more-stats/club-reqs')).body[0])).toContain(
      'no_app_required_and_no_new_members',
    );
    expect(Object.keys((await dashboard('/api/monitor/more-stats/pic-stats')).body[0])).toContain(
      'logo_pic_and_no_banner_pic',
    );
  });

  it('counts an officer’s sign-up, confirmation, sign-in and a student’s searches, and keeps them through a rebuild', async () => {
    expect((await registerOfficer(api, ADMIN, OFFICER)).status).toBe(200);
    const email = await eventually(() =>
      events.find((e) => e.type === 'EmailRequested' && (e.data as { to: string }).to === OFFICER.email),
    );
    await fetch((email.data as { variables: { confirm_url: string } }).variables.confirm_url, {
      redirect: 'manual',
    });
    const { club: _club, ...credentials } = OFFICER;
    expect((await api('/api/user/login', { body: credentials })).status).toBe(200);
    expect((await api('/api/catalog/organizations?q=chess')).status).toBe(200);

    const figures = async () => ({
      signUp: (await dashboard(STATS[0] as string)).body,
      activity: (await dashboard(STATS[1] as string)).body,
      clubReqs: (await dashboard('/api/monitor/more-stats/club-reqs')).body,
    });
    const settled = await eventually(async () => {
      const now = await figures();
      const main = now.signUp.club_admin.main;
      return main.clubs_confirmed === 1 && main.clubs_reactivated === 1 && now.activity.catalog_searches === 1
        ? now
        : undefined;
    }, 20_000);
    expect(settled.signUp.club_admin.main).toEqual({
      clubs_registered: 1,
      clubs_confirmed: 1,
      clubs_reactivated: 1,
      clubs_rso_list: 1,
    });
    expect(settled.signUp.club_admin.history.clubs_registered.at(-1)).toBe(1);
    expect(settled.activity).toEqual({ active_club_admins: 1, active_students: 0, catalog_searches: 1 });
    expect(settled.clubReqs[0]).toMatchObject({ no_app_required_and_new_members: 1, app_required: 0 });

    const rebuild = await dashboard('/api/monitor/read-models/rebuild', { method: 'POST' });
    expect(rebuild.status).toBe(202);
    const replayId = rebuild.body.replay_id as string;
    // Auth, the catalog and media answer it and say so; the figures come back to what they were.
    await eventually(() =>
      events.find(
        (e) => e.type === 'AccountSnapshot' && (e.data as { replayId: string }).replayId === replayId,
      ),
    );
    const replay = await eventually(async () => {
      const state = (await dashboard('/api/monitor/read-models')).body.replay;
      return state?.replay_id === replayId && state.waiting.length === 0 ? state : undefined;
    });
    expect(replay.answered).toEqual(['auth', 'catalog', 'media']);
    await eventually(async () => {
      const now = await figures();
      return JSON.stringify(now.signUp) === JSON.stringify(settled.signUp) ? now : undefined;
    }, 20_000);
    expect(await figures()).toEqual(settled);
  });

  it('lists the statistics routes in the gateway’s API document', async () => {
    const paths = Object.keys((await api('/api/openapi.json')).body.paths);
    for (const path of [
      ...STATS,
      '/api/stats/public',
      '/api/monitor/read-models/rebuild',
      '/api/monitor/read-models',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('answers public statistics to anyone through the gateway, with an ETag it honours', async () => {
    const path = '/api/stats/public';
    const answer = await api(path);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      clubs_recruiting_now: expect.any(Number),
      sign_ups_per_week: expect.any(Array),
    });
    expect(answer.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = answer.headers.get('etag') as string;
    const again = await fetch(`${testPlatform.platform.url}${path}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});

// `npm start` with the demo data: the catalog seeds its clubs before the monitor first starts, so the
// monitor learns them from the replay it asks for on its first start.
describe('the statistics of the demo data on a first start (embedded platform)', () => {
  let testPlatform: TestPlatform;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('monitor-demo', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO: '1',
      STATS_CACHE_MS: '0',
    });
  }, 90_000);
  afterAll(() => testPlatform?.stop());

  it('counts every demo club, learnt from the first start’s replay', async () => {
    // The demo clubs' ClubCreated left before the monitor's queue existed: without the replay it
    // counts none (checked with REPLAY_ON_FIRST_START=0).
    const { api } = testPlatform;
    const admin = (await api('/api/monitor/login', { body: ADMIN })).body.access as string;
    const visible = (await api('/api/catalog/organizations?limit=1000')).body.num_results as number;
    expect(visible).toBeGreaterThan(5);
    const reqs = await eventually(async () => {
      const answer = (await api('/api/monitor/more-stats/club-reqs', { token: admin })).body[0];
      return answer.app_required + answer.no_app_required === visible ? answer : undefined;
    }, 20_000);
    expect(reqs.app_required_and_new_members + reqs.no_app_required_and_no_new_members).toBeLessThanOrEqual(
      visible,
    );
    const tags = (await api('/api/stats/public')).body.clubs_by_tag as { clubs: number | null }[];
    expect(tags.length).toBeGreaterThan(5);
  });
});
