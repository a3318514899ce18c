import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationBody } from './support/officer.js';
import { type Api, apiAt, startTestPlatform, type TestPlatform } from './support/platform.js';

const ADMIN = { email: 'admin@campus.test', password: 'Admin-pass-42!' };
const OFFICER = { email: 'debate@berkeley.edu', password: 'Debate-well-2026!' };

// Browsing the catalog as `npm start` composes it: the demo clubs, search, club pages with similar
// clubs, a renamed club's redirect and its calendar, all through the gateway.
describe('browsing the catalog through the gateway (embedded platform, demo data)', () => {
  let testPlatform: TestPlatform;
  let events: TestPlatform['events'] = [];
  let api: Api;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('browse', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      FRONTEND_BASE_URL: 'http://web.test',
      SEED_DEMO: '1',
    });
    ({ events, api } = testPlatform);
  }, 90_000);
  afterAll(() => testPlatform?.stop());

  it('lists the demo catalog the way the web client loads it, and searches it', async () => {
    const all = await api('/api/catalog/organizations?limit=999&skip=0');
    expect(all.status).toBe(200);
    expect(all.body.num_results).toBeGreaterThanOrEqual(200);
    expect(all.body.results).toHaveLength(all.body.num_results);
    const search = await api('/api/catalog/organizations?q=debat&tags_match=any');
    expect(search.status).toBe(200);
    expect(search.body.num_results).toBeGreaterThan(0);
    expect(search.body.num_results).toBeLessThan(all.body.num_results);
  });

  it('shows a club page with three similar clubs, never the club itself', async () => {
    const [first] = (await api('/api/catalog/organizations?limit=1')).body.results;
    const page = await eventually(async () => {
      const res = await api(`/api/catalog/organizations/${first.link_name}`);
      return res.body.recommended_clubs?.length === 3 ? res.body : undefined;
    });
    const similar = page.recommended_clubs.map((club: { link_name: string }) => club.link_name);
    expect(new Set(similar).size).toBe(3);
    expect(similar).not.toContain(first.link_name);
  });

  it('shows the recommender model’s similar clubs on a club page, in its order', async () => {
    const recommender = apiAt(testPlatform.platform.serviceUrls.recommender!);
    // The first start trains the first model in the background (TF-IDF answers meanwhile), and may
    // retrain at once for clubs that arrived during it: a swap between two reads changes the answer, and
    // training (in a worker thread, on the same cores) can slow answers enough for the catalog to fall
    // back: compare once it is done.
    const { model } = await eventually(async () => {
      const body = (await recommender('/internal/model')).body;
      return body.model && !body.training ? body : undefined;
    }, 60_000);
    expect(['tensorflow', 'wasm', 'cpu']).toContain(model.backend);
    const { results } = (await api('/api/catalog/organizations?limit=5&sort=name')).body;
    for (const club of results) {
      // A background retrain may swap the model between two requests: compare answers of one model.
      await eventually(async () => {
        const similar = async () =>
          (await recommender(`/internal/similar/${club.link_name}?k=4`)).body.similar
            .slice(0, 3)
            .map((s: { link_name: string }) => s.link_name);
        const before = await similar();
        const page = await api(`/api/catalog/organizations/${club.link_name}`);
        const shown = page.body.recommended_clubs.map((c: { link_name: string }) => c.link_name);
        if (JSON.stringify(before) !== JSON.stringify(await similar())) return undefined;
        expect(shown).toEqual(before);
        return true;
      }, 30_000);
    }
  }, 120_000);

  it('drops a club an admin hid from the recommender, every club page and the public statistics, and brings it back when unhidden', async () => {
    const recommender = apiAt(testPlatform.platform.serviceUrls.recommender!);
    const admin = (await api('/api/monitor/login', { body: ADMIN })).body.access as string;
    const similarTo = async (link: string) =>
      ((await recommender(`/internal/similar/${link}?k=10`)).body.similar ?? []).map(
        (s: { link_name: string }) => s.link_name,
      ) as string[];
    const shownOn = async (link: string) =>
      (await api(`/api/catalog/organizations/${link}`)).body.recommended_clubs.map(
        (c: { link_name: string }) => c.link_name,
      ) as string[];
    // A club the recommender names first on another club's page: the one to hide.
    const [page] = (await api('/api/catalog/organizations?limit=1&sort=name')).body.results;
    const [hidden] = await eventually(async () => {
      const similar = await similarTo(page.link_name);
      return similar.length > 0 ? similar : undefined;
    });
    const clubs = (await api('/api/monitor/club/list', { token: admin })).body as {
      email: string;
      link_name: string;
    }[];
    const officer = clubs.find((club) => club.link_name === hidden)!.email;
    // The public statistics count it under its first tag, as the catalog does (once the monitor's read
    // model has caught up with the demo data).
    const [tag] = (await api(`/api/catalog/organizations/${hidden}`)).body.tags as number[];
    const withTag = (await api(`/api/catalog/organizations?tags=${tag}&limit=1`)).body.num_results as number;
    /** Whether the public statistics count `n` clubs with the tag (a small count is answered as null). */
    const publicCountIs = async (n: number) => {
      const stats = (await api('/api/stats/public')).body as {
        min_cell: number;
        clubs_by_tag: { id: number; clubs: number | null }[];
      };
      const counted = stats.clubs_by_tag.find((one) => one.id === tag)?.clubs;
      return counted === (n > 0 && n < stats.min_cell ? null : n);
    };
    await eventually(() => publicCountIs(withTag), 30_000);

    const hide = await api(`/api/monitor/club/${officer}/hide`, { method: 'POST', token: admin });
    expect(hide).toMatchObject({ status: 200, body: { hidden: true, link_name: hidden } });
    expect((await api(`/api/catalog/organizations/${hidden}`)).status).toBe(404);
    // The recommender follows ClubUpdated: it stops naming the club, and knows no similar clubs of it.
    await eventually(async () => !(await similarTo(page.link_name)).includes(hidden!), 30_000);
    expect((await recommender(`/internal/similar/${hidden}?k=3`)).status).toBe(404);
    expect(await shownOn(page.link_name)).not.toContain(hidden);
    await eventually(() => publicCountIs(withTag - 1), 30_000);

    const unhide = await api(`/api/monitor/club/${officer}/unhide`, { method: 'POST', token: admin });
    expect(unhide).toMatchObject({ status: 200, body: { hidden: false } });
    expect((await api(`/api/catalog/organizations/${hidden}`)).status).toBe(200);
    // Placed in the model's space again (where among another club's neighbours depends on the model of
    // the moment: a retrain may have run meanwhile).
    await eventually(
      async () => (await recommender(`/internal/similar/${hidden}?k=3`)).status === 200,
      30_000,
    );
    await eventually(() => publicCountIs(withTag), 30_000);
  }, 120_000);

  it('redirects a renamed club’s old page and calendar to the new ones', async () => {
    const admin = await api('/api/monitor/login', { body: ADMIN });
    await api('/api/monitor/rso', { body: { email: OFFICER.email }, token: admin.body.access });
    const register = await api('/api/user/register', {
      body: registrationBody({ name: 'Parliamentary Debate Union', ...OFFICER, tags: [0] }),
    });
    expect(register.status).toBe(200);
    const email = await eventually(() =>
      events.find((e) => e.type === 'EmailRequested' && (e.data as { to: string }).to === OFFICER.email),
    );
    await fetch((email.data as { variables: { confirm_url: string } }).variables.confirm_url, {
      redirect: 'manual',
    });
    await eventually(
      async () => (await api('/api/catalog/organizations/parliamentary-debate-union')).status === 200,
    );

    const token = (await api('/api/user/login', { body: OFFICER })).body.access as string;
    const rename = await api('/api/admin/profile', { token, body: { name: 'Cal Debate Union' } });
    expect(rename.status).toBe(200);

    const moved = await api('/api/catalog/organizations/parliamentary-debate-union');
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/api/catalog/organizations/cal-debate-union');
    const page = await api('/api/catalog/organizations/cal-debate-union');
    expect(page.body).toMatchObject({ name: 'Cal Debate Union', link_name: 'cal-debate-union' });

    const feed = await api('/api/catalog/organizations/parliamentary-debate-union/events.ics');
    expect(feed.status).toBe(301);
    const calendar = await api(feed.headers.get('location') as string);
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(calendar.body).toContain('X-WR-CALNAME:Cal Debate Union\r\n');
  });
});
