import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type EventEnvelope, makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, noBrowser } from './support/browser.js';
import { registerOfficer } from './support/officer.js';
import { startTestPlatform, type TestPlatform } from './support/platform.js';
import { repoRoot } from './support/processes.js';
import { watchedPage } from './support/watched-page.js';

const ADMIN = { email: 'admin@campus.test', password: 'Admin-pass-42!' };
const OFFICER = { email: 'rowing@berkeley.edu', password: 'Row-row-row-42!', club: 'Cal Rowing Society' };
// Kept after the run (gitignored), for a person to look at.
const SHOTS = path.join(repoRoot, '.artifacts', 'admin-web');

// An admin uses our own admin web app at /admin on `npm start`'s composition, through the gateway only.
describe.skipIf(noBrowser)('the admin web app in a browser', () => {
  let testPlatform: TestPlatform;
  let browser: Browser;
  let base: string;
  let linkName: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    console.log(`admin web app screenshots: ${SHOTS}`);
    testPlatform = await startTestPlatform('admin-web', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      FRONTEND_BASE_URL: 'http://web.test',
      SEED_DEMO: '0',
    });
    base = testPlatform.platform.url;
    const { api, events } = testPlatform;
    // A club in the public catalog: registered from the RSO list, its officer confirmed.
    expect((await registerOfficer(api, ADMIN, OFFICER)).status).toBe(200);
    const email = await eventually(() =>
      events.find((e) => e.type === 'EmailRequested' && (e.data as { to: string }).to === OFFICER.email),
    );
    await fetch((email.data as { variables: { confirm_url: string } }).variables.confirm_url, {
      redirect: 'manual',
    });
    const created = await eventually(() => events.find((e) => e.type === 'ClubCreated'));
    linkName = (created.data as { club: { link_name: string } }).club.link_name;
    await eventually(async () => (await api(`/api/catalog/organizations/${linkName}`)).status === 200);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await testPlatform?.stop();
  });

  const adminApi = async (route: string) => {
    const token = (await testPlatform.api('/api/monitor/login', { body: ADMIN })).body.access as string;
    return (await testPlatform.api(route, { token })).body;
  };

  /** Opens `/admin<at>` (a deep link), signs in there, and waits for the page's heading. */
  async function signIn(page: Page, at: string, heading: string) {
    await page.goto(`${base}/admin${at}`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  it('refuses a wrong password with the server’s reason, then signs in and out', async () => {
    const { page, problems, outside } = await watchedPage(browser, base);
    const refused = await testPlatform.api('/api/monitor/login', {
      body: { ...ADMIN, password: 'nope-nope-1' },
    });
    // A deep link: the app, asking for a sign-in. Through the gateway with the monitor's headers:
    // its strict CSP, the page revalidated, the hashed script kept for good.
    const script = page.waitForResponse((res) => /\/admin\/assets\/[^/]+\.js$/.test(res.url()));
    const answer = (await page.goto(`${base}/admin/clubs`))!;
    expect(answer.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(answer.headers()['content-security-policy']).not.toContain('unsafe-inline');
    expect(answer.headers()['cache-control']).toBe('no-cache');
    expect((await script).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('nope-nope-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toBe(refused.body.reason);
    await shot(page, 'sign-in-refused');

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Signed in where the deep link pointed.
    await page.getByRole('heading', { name: 'Clubs', level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Clubs', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Admin sign-in' }).waitFor();
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(problems.filter((problem) => !problem.includes('400 (Bad Request)'))).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  /** Whether each chart's canvas has something drawn on it (Chart.js draws synchronously, no animation). */
  const drawnCharts = (page: Page) =>
    page.locator('figure canvas').evaluateAll((canvases) =>
      (canvases as HTMLCanvasElement[]).map((canvas) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        return data.some((value, index) => index % 4 === 3 && value > 0);
      }),
    );

  it('shows the overview’s counts and charts, with the statistics routes’ numbers', async () => {
    // The read models follow events: wait until they count the confirmed club.
    type SignUps = {
      club_admin?: { main: Record<string, number>; history: { clubs_registered: number[] } };
    };
    const signUps = await eventually(async () => {
      const stats = (await adminApi('/api/monitor/overview/stats/sign-up')) as SignUps;
      return stats.club_admin?.main.clubs_confirmed === 1 ? stats.club_admin : undefined;
    });
    const { page, problems, outside } = await watchedPage(browser, base);
    await signIn(page, '', 'Overview');

    const card = (label: string) => page.locator('.cards article', { hasText: label }).locator('.value');
    expect(await card('Clubs registered').textContent()).toBe(String(signUps.main.clubs_registered));
    expect(await card('Clubs confirmed').textContent()).toBe('1');
    expect(await card('RSO emails').textContent()).toBe(String(signUps.main.clubs_rso_list));

    const titles = ['Club sign-ups per week', 'Activity', 'Links set, by kind', 'Pictures', 'Recruiting'];
    for (const title of titles) await page.getByRole('img', { name: title }).waitFor();
    expect(await drawnCharts(page)).toEqual(titles.map(() => true));

    // The sign-up chart's numbers are the route's history, the last week last.
    const chart = page.locator('figure', {
      has: page.getByRole('heading', { name: 'Club sign-ups per week' }),
    });
    await chart.getByText('Numbers').click();
    const registered = await chart.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(registered.map(Number)).toEqual(signUps.history.clubs_registered);
    expect(registered.at(-1)).toBe('1');
    await shot(page, 'overview');
    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('fits a 390 px wide phone screen on every page', async () => {
    const { page, problems, outside } = await watchedPage(browser, base);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, '/rso', 'RSO list');
    for (const [link, heading] of [
      ['Overview', 'Overview'],
      ['RSO list', 'RSO list'],
      ['Clubs', 'Clubs'],
      ['Tags', 'Tags'],
      ['Event bus', 'Event bus'],
    ] as const) {
      await page.getByRole('link', { name: link }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
      // Nothing wider than the screen: no sideways scrolling of the page itself (tables scroll in their box).
      expect(await page.evaluate(() => document.documentElement.scrollWidth), link).toBeLessThanOrEqual(390);
      await shot(page, `phone-${link.toLowerCase().replaceAll(' ', '-')}`);
    }
    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('renews a rejected access token with the refresh token, and asks for a sign-in once that fails too', async () => {
    const { page, problems, outside } = await watchedPage(browser, base);
    await signIn(page, '/tags', 'Tags');
    const spoil = (key: 'access' | 'refresh') =>
      page.evaluate((which) => {
        const stored = JSON.parse(localStorage.getItem('sproul-admin.session')!);
        localStorage.setItem('sproul-admin.session', JSON.stringify({ ...stored, [which]: 'not-a-token' }));
      }, key);

    await spoil('access');
    await page.getByRole('link', { name: 'Clubs' }).click();
    await page.getByRole('cell', { name: OFFICER.club, exact: true }).waitFor();
    const renewed = await page.evaluate(
      () => JSON.parse(localStorage.getItem('sproul-admin.session')!).access,
    );
    expect(renewed).not.toBe('not-a-token');

    await spoil('access');
    await spoil('refresh');
    await page.getByRole('link', { name: 'RSO list' }).click();
    await page.getByRole('heading', { name: 'Admin sign-in' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Your session has ended: sign in again.');
    // Only the rejected calls' own console lines.
    expect(problems.filter((problem) => !problem.includes('401 (Unauthorized)'))).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('adds, imports, exports and removes RSO emails', async () => {
    const { page, problems, outside } = await watchedPage(browser, base);
    await signIn(page, '/tags', 'Tags');
    await page.getByRole('link', { name: 'RSO list' }).click();
    await page.getByRole('heading', { name: 'RSO list', level: 1 }).waitFor();

    await page.getByLabel('Email to add').fill('chess@berkeley.edu');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('cell', { name: 'chess@berkeley.edu', exact: true }).waitFor();
    expect(await adminApi('/api/monitor/rso/list')).toContainEqual({
      email: 'chess@berkeley.edu',
      registered: false,
      confirmed: false,
    });

    // Several at once, from a pasted CSV with a header and another column.
    await page.getByText('Import several emails').click();
    await page
      .getByLabel(/Emails or CSV/)
      .fill('email,name\ngo@berkeley.edu,Go Club\nbridge@berkeley.edu,Bridge\nchess@berkeley.edu,Chess');
    await page.getByRole('button', { name: 'Import' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Imported: 2 added, 1 already on the list.');
    await page.getByRole('cell', { name: 'bridge@berkeley.edu', exact: true }).waitFor();
    // Or from a file, as exported from a spreadsheet.
    await page.getByLabel('Or a CSV file').setInputFiles({
      name: 'rso.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('"Email","Club"\r\n"chess.club@berkeley.edu","Chess"\r\n'),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Imported: 1 added, 0 already on the list.');
    await page.getByRole('cell', { name: 'chess.club@berkeley.edu', exact: true }).waitFor();

    await page.getByLabel('Search emails').fill('bridge');
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Search emails').fill('');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect((await download).suggestedFilename()).toBe('rso_emails.csv');
    expect(csv.split('\r\n')).toEqual(
      expect.arrayContaining([
        'email,registered,confirmed',
        'go@berkeley.edu,No,No',
        `${OFFICER.email},Yes,Yes`,
      ]),
    );
    await shot(page, 'rso-list');

    await page.getByRole('button', { name: 'Remove chess@berkeley.edu' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Removed chess@berkeley.edu.');
    expect(await page.getByRole('cell', { name: 'chess@berkeley.edu', exact: true }).count()).toBe(0);
    const list = (await adminApi('/api/monitor/rso/list')) as { email: string }[];
    expect(list.map((entry) => entry.email)).not.toContain('chess@berkeley.edu');

    // The server's reason when it refuses: the officer's email is in use by a club.
    await page.getByRole('button', { name: `Remove ${OFFICER.email}` }).click();
    const token = (await testPlatform.api('/api/monitor/login', { body: ADMIN })).body.access as string;
    const refused = await testPlatform.api(`/api/monitor/rso/${OFFICER.email}`, {
      method: 'DELETE',
      token,
    });
    expect(refused.status).toBe(400);
    expect(await page.getByRole('alert').textContent()).toBe(refused.body.reason);
    expect(problems.filter((problem) => !problem.includes('400 (Bad Request)'))).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('renames, adds and deletes tags, and the catalog follows; a tag in use is kept', async () => {
    const { page, problems, outside } = await watchedPage(browser, base);
    const tags = (await testPlatform.api('/api/catalog/tags')).body as { id: number; name: string }[];
    const tag = tags[1]!;
    await signIn(page, '/tags', 'Tags');
    await page.getByRole('button', { name: `Rename ${tag.name}` }).click();
    const form = page.getByRole('form', { name: `Rename ${tag.name}` });
    await form.getByLabel('New name').fill('Rowing & Paddling');
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await page.getByRole('status').textContent()).toBe(`Renamed ${tag.name} to Rowing & Paddling.`);
    await page.getByRole('cell', { name: 'Rowing & Paddling', exact: true }).waitFor();
    const after = (await testPlatform.api('/api/catalog/tags')).body as { id: number; name: string }[];
    expect(after.find((one) => one.id === tag.id)?.name).toBe('Rowing & Paddling');
    await shot(page, 'tags');

    // Added, then deleted after confirming.
    await page.getByLabel('Tag to add').fill('Board Games');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('cell', { name: 'Board Games', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Delete Board Games' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete tag' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Deleted the tag Board Games.');
    const names = ((await testPlatform.api('/api/catalog/tags')).body as { name: string }[]).map(
      (t) => t.name,
    );
    expect(names).not.toContain('Board Games');

    // A tag in use (the rowing club's) stays, with the server's reason.
    const inUse = tags[0]!;
    await page.getByRole('button', { name: `Delete ${inUse.name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete tag' }).click();
    const token = (await testPlatform.api('/api/monitor/login', { body: ADMIN })).body.access as string;
    const refused = await testPlatform.api(`/api/monitor/tags/${inUse.id}`, { method: 'DELETE', token });
    expect(refused.status).toBe(409);
    expect(await page.getByRole('alert').textContent()).toBe(refused.body.reason);
    expect(problems.filter((problem) => !problem.includes('409 (Conflict)'))).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('shows the event bus’s queues, and puts a dead letter back on its queue', async () => {
    // An event that breaks its contract: the catalog and the monitor dead-letter it on first delivery.
    const broken = {
      ...makeEvent(
        UserRegisteredV1,
        { userId: 'u-broken', email: 'broken@berkeley.edu', role: 'officer', name: null, club: null },
        'e2e',
      ),
      data: { userId: 42 },
    } as unknown as EventEnvelope;
    await testPlatform.platform.bus.publish([broken]);
    await eventually(async () => {
      const health = (await adminApi('/api/monitor/bus')) as { queues: { queue: string; dead: number }[] };
      return health.queues.find((one) => one.queue === 'catalog')?.dead === 1;
    });

    const { page, problems, outside } = await watchedPage(browser, base);
    await signIn(page, '/bus', 'Event bus');
    expect(await page.getByRole('status', { name: 'Bus connection' }).textContent()).toBe('Connected');
    const catalog = page.getByRole('row', { name: /^catalog/ });
    expect(await catalog.getByRole('cell').allTextContents()).toEqual(['0', '1', 'Replay']);
    expect(await page.getByRole('button', { name: 'Replay the dead letters of auth' }).isDisabled()).toBe(
      true,
    );
    await shot(page, 'event-bus');

    await catalog.getByRole('button', { name: 'Replay the dead letters of catalog' }).click();
    await page.getByText('Put 1 dead letter back on catalog.').waitFor();
    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('hides a club, which leaves the public catalog, and unhides it, which brings it back', async () => {
    const { page, problems, outside } = await watchedPage(browser, base);
    const inCatalog = async () =>
      (await testPlatform.api('/api/catalog/organizations?q=rowing')).body.num_results as number;
    expect(await inCatalog()).toBe(1);
    await signIn(page, '/clubs', 'Clubs');
    const row = page.getByRole('row', { name: new RegExp(OFFICER.club) });
    await row.getByRole('cell', { name: 'Shown', exact: true }).waitFor();

    await page.getByRole('button', { name: `Hide ${OFFICER.club}` }).click();
    expect(await page.getByRole('status').textContent()).toBe(
      `Hid ${OFFICER.club}: it is no longer in the public catalog.`,
    );
    await row.getByRole('cell', { name: 'Hidden by an admin', exact: true }).waitFor();
    expect((await testPlatform.api(`/api/catalog/organizations/${linkName}`)).status).toBe(404);
    expect(await inCatalog()).toBe(0);
    const listed = (await adminApi('/api/monitor/club/list')) as { email: string; hidden: boolean }[];
    expect(listed.find((club) => club.email === OFFICER.email)?.hidden).toBe(true);
    await page.getByRole('button', { name: `Open ${OFFICER.club}` }).click();
    const opened = page.getByRole('article', { name: `Public page of ${OFFICER.club}` });
    await opened.getByText('Not in the public catalog: hidden by an admin.').waitFor();
    await shot(page, 'club-hidden');

    await page.getByRole('button', { name: `Unhide ${OFFICER.club}` }).click();
    expect(await page.getByRole('status').textContent()).toBe(
      `Unhid ${OFFICER.club}: it is back in the public catalog.`,
    );
    await row.getByRole('cell', { name: 'Shown', exact: true }).waitFor();
    expect((await testPlatform.api(`/api/catalog/organizations/${linkName}`)).status).toBe(200);
    expect(await inCatalog()).toBe(1);
    // The opened panel follows: the club's public page again, found by its link name.
    expect(await opened.getByRole('link', { name: /Open its public page/ }).getAttribute('href')).toBe(
      `/api/catalog/organizations/${linkName}`,
    );
    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('opens a club’s public page, then deletes the club after confirming, and the catalog no longer has it', async () => {
    const { page, problems, outside } = await watchedPage(browser, base);
    await signIn(page, '/clubs', 'Clubs');
    await page.getByLabel('Search clubs').fill('rowing');
    await page.getByRole('button', { name: `Open ${OFFICER.club}` }).click();
    const opened = page.getByRole('article', { name: `Public page of ${OFFICER.club}` });
    expect(await opened.getByRole('link', { name: /Open its public page/ }).getAttribute('href')).toBe(
      `/api/catalog/organizations/${linkName}`,
    );

    // Cancel keeps it.
    await page.getByRole('button', { name: `Delete ${OFFICER.club}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect((await testPlatform.api(`/api/catalog/organizations/${linkName}`)).status).toBe(200);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    expect((await download).suggestedFilename()).toBe('clubs.csv');
    expect(readFileSync((await (await download).path())!, 'utf8')).toContain(
      `${OFFICER.club},${OFFICER.email},Yes,`,
    );

    await page.getByRole('button', { name: `Delete ${OFFICER.club}` }).click();
    await shot(page, 'club-delete-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete club' }).click();
    expect(await page.getByRole('status').textContent()).toBe(`Deleted ${OFFICER.club}.`);
    await eventually(
      async () => (await testPlatform.api(`/api/catalog/organizations/${linkName}`)).status === 404,
    );
    const search = await testPlatform.api('/api/catalog/organizations?q=rowing');
    expect(search.body.num_results).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Clubs', level: 1 }).waitFor();
    await page.getByText(/\d+ clubs/).waitFor();
    expect(await page.getByRole('cell', { name: OFFICER.club, exact: true }).count()).toBe(0);
    await shot(page, 'clubs');
    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
