import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually } from '@sproul/common/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, noBrowser } from './support/browser.js';
import { claimsOf } from './support/claims.js';
import { devMailTo, linkIn } from './support/mail.js';
import { registerOfficer } from './support/officer.js';
import { type Api, startTestPlatform, type TestPlatform } from './support/platform.js';
import { watchedPage } from './support/watched-page.js';

const ADMIN = { email: 'admin@campus.test', password: 'Admin-pass-42!' };
const OWNER = { email: 'glee@berkeley.edu', password: 'Glee-club-2026!', club: 'Cal Glee Club' };
const OFFICER = { email: 'tenor@example.com', password: 'Tenor-voice-77!', name: 'Ana Tenor' };
const INVITATION_SUBJECT = `You're invited to help run ${OWNER.club} on sproul.club`;

const clubOf = (token: string) => claimsOf(token).club;

// Issue 20 as a person lives it: the owner invites an officer, the invitation arrives in the local
// inbox, its link opens the gateway's page, the officer chooses a password there, then signs in and
// edits the club. The used link, opened again, says so; a made-up one is not found.
describe.skipIf(noBrowser)('/accept-invitation in a browser', () => {
  let testPlatform: TestPlatform;
  let browser: Browser;
  let api: Api;
  let base: string;
  let link: string;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('accept-invitation', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      FRONTEND_BASE_URL: 'http://web.test',
      SEED_DEMO: '0',
    });
    ({ api } = testPlatform);
    base = testPlatform.platform.url;
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await testPlatform?.stop();
  });

  it('the emailed link opens a page that creates the officer account; the officer then edits the club', async () => {
    expect((await registerOfficer(api, ADMIN, OWNER)).status).toBe(200);
    const confirmation = await devMailTo(base, OWNER.email, 'Please confirm your email');
    await fetch(linkIn(confirmation, /http:\/\/\S+\/api\/user\/confirm\/\S+/), { redirect: 'manual' });
    // The owner acts for the club once auth has heard of it (ClubCreated, from the catalog).
    const owner = await eventually(async () => {
      const login = await api('/api/user/login', {
        body: { email: OWNER.email, password: OWNER.password },
      });
      return login.status === 200 && clubOf(login.body.access) ? login.body : undefined;
    });
    const invited = await api('/api/user/team/invitations', {
      body: { email: OFFICER.email },
      token: owner.access,
    });
    expect(invited.status).toBe(201);

    const invitation = await devMailTo(base, OFFICER.email, INVITATION_SUBJECT);
    link = linkIn(invitation, /http:\/\/\S+\/accept-invitation\?token=\S+/);
    expect(new URL(link).origin).toBe(base);

    const { page, problems, outside } = await watchedPage(browser, base);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Your invitation' }).waitFor();
    expect(await page.locator('#club').textContent()).toBe(OWNER.club);
    expect(await page.locator('#role').textContent()).toBe('officer');
    expect(await page.locator('#email').textContent()).toBe(OFFICER.email);
    expect(await page.locator('#expires').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await page.getByText('At least 8 characters').isVisible()).toBe(true);
    await page.screenshot({
      path: path.join(tmpdir(), 'sproul-accept-invitation-form.png'),
      fullPage: true,
    });

    // The page checks the password rules before asking auth.
    await page.getByLabel('Your name').fill(OFFICER.name);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Password again').fill('short');
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await page.getByRole('alert').getByText('at least 8 characters').waitFor();
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Password', { exact: true }).fill(OFFICER.password);
    await page.getByLabel('Password again').fill(OFFICER.password);
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    const done = page.getByRole('heading', { name: `You are now an officer of ${OWNER.club}` });
    await done.waitFor();
    expect(await done.evaluate((heading) => heading === document.activeElement)).toBe(true);
    expect(await page.getByRole('link', { name: 'Sign in at sproul.club' }).getAttribute('href')).toBe(
      'http://web.test/signin',
    );
    await page.screenshot({
      path: path.join(tmpdir(), 'sproul-accept-invitation-done.png'),
      fullPage: true,
    });
    expect(problems).toEqual([]);
    expect(outside).toEqual([]);

    // The new officer signs in with the password chosen on the page, and edits the club's page.
    const login = await api('/api/user/login', {
      body: { email: OFFICER.email, password: OFFICER.password },
    });
    expect(login.status).toBe(200);
    expect(clubOf(login.body.access)).toBe(clubOf(owner.access));
    const about = 'The oldest student choir west of the Mississippi.';
    const edited = await api('/api/admin/profile', {
      token: login.body.access,
      body: { about_us: about },
    });
    expect(edited.status).toBe(200);
    const linkName = (await api('/api/admin/profile', { token: login.body.access })).body.link_name;
    const clubPage = await api(`/api/catalog/organizations/${linkName}`);
    expect(clubPage).toMatchObject({ status: 200, body: { about_us: about } });
  });

  it('the used link, opened again, says it was already used; a made-up token is not found', async () => {
    const page = await browser.newPage();
    await page.goto(link);
    await page.getByRole('alert').getByText('already used').waitFor();
    expect(await page.getByRole('heading', { name: 'Your invitation' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Sign in at sproul.club' }).isVisible()).toBe(true);

    await page.goto(`${base}/accept-invitation?token=made-up-token`);
    await page.getByRole('alert').getByText('not found').waitFor();
    expect(await page.getByRole('link', { name: 'Sign in at sproul.club' }).isVisible()).toBe(false);

    await page.goto(`${base}/accept-invitation`);
    await page.getByRole('alert').getByText('no invitation in it').waitFor();
  });

  it('with an account under the address already, asks for no password; a replaced link says so', async () => {
    const owner = (await api('/api/user/login', { body: { email: OWNER.email, password: OWNER.password } }))
      .body.access as string;
    // The officer leaves the team, and is invited back: the account exists now.
    const team = await api('/api/user/team', { token: owner });
    const officerId = team.body.officers.find((o: { email: string }) => o.email === OFFICER.email).account_id;
    const removed = await api(`/api/user/team/officers/${officerId}`, { method: 'DELETE', token: owner });
    expect(removed.status).toBe(200);
    // Invited twice: the second invitation replaces the first.
    const replaced = await inviteAndReadLink(owner);
    const newest = await inviteAndReadLink(owner);
    expect(newest).not.toBe(replaced);

    const page = await browser.newPage();
    await page.goto(replaced);
    await page.getByRole('alert').getByText('sent you a newer one').waitFor();

    await page.goto(newest);
    await page.getByText('You already have an account under this address').waitFor();
    expect(await page.getByLabel('Password', { exact: true }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await page.getByRole('heading', { name: `You are now an officer of ${OWNER.club}` }).waitFor();
    const login = await api('/api/user/login', {
      body: { email: OFFICER.email, password: OFFICER.password },
    });
    expect(clubOf(login.body.access)).toBe(clubOf(owner));
  });

  /** Invites the officer again and answers the link of the email that brings (one more than before). */
  async function inviteAndReadLink(ownerAccess: string) {
    const count = async () => ((await (await fetch(`${base}/_dev/mail.json`)).json()) as unknown[]).length;
    const before = await count();
    const invited = await api('/api/user/team/invitations', {
      body: { email: OFFICER.email },
      token: ownerAccess,
    });
    expect(invited.status).toBe(201);
    await eventually(async () => (await count()) > before);
    return linkIn(
      await devMailTo(base, OFFICER.email, INVITATION_SUBJECT),
      /http:\/\/\S+\/accept-invitation\?token=\S+/,
    );
  }
});
