import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsOf } from './support/claims.js';
import { type Api, startTestPlatform, type TestPlatform } from './support/platform.js';

const ADMIN = { email: 'admin@campus.test', password: 'Admin-pass-42!' };

// The composition `npm start` runs, in this process so the test can watch the bus for the email.
describe('an officer signs up through the gateway (embedded platform)', () => {
  let testPlatform: TestPlatform;
  let platform: TestPlatform['platform'];
  let events: TestPlatform['events'] = [];
  let api: Api;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('signup', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      FRONTEND_BASE_URL: 'http://web.test',
    });
    ({ platform, events, api } = testPlatform);
  }, 60_000);
  afterAll(() => testPlatform?.stop());

  it('register (RSO email) → confirmation email requested → confirm → login → refresh → revoke', async () => {
    // An admin puts the club's email on the RSO list.
    const admin = await api('/api/monitor/login', { body: ADMIN });
    expect(admin.status).toBe(200);
    expect(
      (await api('/api/monitor/rso', { body: { email: 'robotics@berkeley.edu' }, token: admin.body.access }))
        .status,
    ).toBe(200);

    // The web client's own sequence: email-exists, password-strength, tags, register.
    expect((await api('/api/user/email-exists', { body: { email: 'robotics@berkeley.edu' } })).body).toEqual({
      exists: true,
    });
    expect((await api('/api/user/password-strength', { body: { password: 'Robots-4-ever!' } })).body).toEqual(
      { strong: true },
    );
    const tags = (await api('/api/catalog/tags')).body as { id: number; name: string }[];
    expect(tags.map((t) => t.id)).toEqual(tags.map((_, i) => i));
    const register = await api('/api/user/register', {
      body: {
        name: 'Cal Robotics',
        email: 'robotics@berkeley.edu',
        password: 'Robots-4-ever!',
        tags: [tags.findIndex((t) => t.name === 'Engineering')],
        app_required: true,
        new_members: true,
        num_users: 1,
        apply_deadline_start: null,
        apply_deadline_end: null,
        recruiting_start: new Date('2026-08-20T17:00:00Z').toISOString(),
        recruiting_end: null,
      },
    });
    expect(register).toMatchObject({ status: 200, body: { status: 'success' } });

    // The demo student of `npm start` registers too: find this officer's events.
    const mine = (e: (typeof events)[number]) =>
      (e.data as { email?: string }).email === 'robotics@berkeley.edu';
    const registered = await eventually(() => events.find((e) => e.type === 'UserRegistered' && mine(e)));
    expect(registered.data).toMatchObject({
      email: 'robotics@berkeley.edu',
      role: 'officer',
      club: { name: 'Cal Robotics' },
    });
    const email = await eventually(() =>
      events.find(
        (e) => e.type === 'EmailRequested' && (e.data as { template: string }).template === 'confirm-email',
      ),
    );
    const confirmUrl = (email.data as { variables: { confirm_url: string } }).variables.confirm_url;
    expect(confirmUrl.startsWith(`${platform.url}/api/user/confirm/`)).toBe(true);

    const confirm = await fetch(confirmUrl, { redirect: 'manual' });
    expect(confirm.status).toBe(302);
    expect(confirm.headers.get('location')).toBe('http://web.test/signin?confirmed=true');
    await eventually(() => events.find((e) => e.type === 'AccountConfirmed' && mine(e)));

    const login = await api('/api/user/login', {
      body: { email: 'robotics@berkeley.edu', password: 'Robots-4-ever!' },
    });
    expect(login.status).toBe(200);
    expect(claimsOf(login.body.access)).toMatchObject({
      role: 'officer',
      confirmed: true,
    });
    const refreshed = await api('/api/user/refresh', { body: {}, token: login.body.refresh });
    expect(refreshed.status).toBe(200);
    expect(
      (await api('/api/user/revoke-access', { method: 'DELETE', token: refreshed.body.access })).status,
    ).toBe(200);
    expect(
      (await api('/api/user/revoke-refresh', { method: 'DELETE', token: login.body.refresh })).status,
    ).toBe(200);
    expect((await api('/api/user/refresh', { body: {}, token: login.body.refresh })).status).toBe(401);
    expect(
      (await api('/api/user/revoke-access', { method: 'DELETE', token: login.body.access })).status,
    ).toBe(401);
  });

  it('a confirmed officer’s club appears in the catalog, and the officer’s edits show there', async () => {
    const admin = await api('/api/monitor/login', { body: ADMIN });
    await api('/api/monitor/rso', { body: { email: 'sailing@berkeley.edu' }, token: admin.body.access });
    const tags = (await api('/api/catalog/tags')).body as { id: number; name: string }[];
    const sports = tags.findIndex((t) => t.name === 'Sports & Recreation');
    const register = await api('/api/user/register', {
      body: {
        name: 'Cal Sailing Team',
        email: 'sailing@berkeley.edu',
        password: 'Sail-away-2026!',
        tags: [sports],
        app_required: false,
        new_members: true,
        num_users: 2,
        apply_deadline_start: null,
        apply_deadline_end: null,
        recruiting_start: null,
        recruiting_end: null,
      },
    });
    expect(register.status).toBe(200);
    const created = await eventually(() =>
      events.find(
        (e) =>
          e.type === 'ClubCreated' && (e.data as { club: { name: string } }).club.name === 'Cal Sailing Team',
      ),
    );
    const linkName = (created.data as { club: { link_name: string } }).club.link_name;
    expect(linkName).toBe('cal-sailing-team');
    // Hidden until the officer confirms the email address.
    expect((await api(`/api/catalog/organizations/${linkName}`)).status).toBe(404);

    const email = await eventually(() =>
      events.find(
        (e) =>
          e.type === 'EmailRequested' &&
          (e.data as { to: string; template: string }).to === 'sailing@berkeley.edu',
      ),
    );
    await fetch((email.data as { variables: { confirm_url: string } }).variables.confirm_url, {
      redirect: 'manual',
    });
    const page = await eventually(async () => {
      const res = await api(`/api/catalog/organizations/${linkName}`);
      return res.status === 200 ? res.body : undefined;
    });
    expect(page).toMatchObject({ name: 'Cal Sailing Team', link_name: linkName, tags: [sports] });
    expect(typeof page.last_updated).toBe('string');
    expect(page.social_media_links).toBeTypeOf('object');
    const search = await api('/api/catalog/organizations?q=sailin');
    expect(search.body.results.map((c: { link_name: string }) => c.link_name)).toContain(linkName);

    const login = await api('/api/user/login', {
      body: { email: 'sailing@berkeley.edu', password: 'Sail-away-2026!' },
    });
    const token = login.body.access as string;
    const edit = await api('/api/admin/profile', {
      token,
      body: {
        about_us: 'We race dinghies on the Berkeley Marina every weekend; no experience needed.',
        social_media_links: { instagram: 'https://instagram.com/calsailing' },
      },
    });
    expect(edit.status).toBe(200);
    // The edit's own ClubUpdated (confirming the account published one already), naming what changed.
    const updated = await eventually(() =>
      events.find(
        (e) =>
          e.type === 'ClubUpdated' &&
          (e.data as { club: { link_name: string } }).club.link_name === linkName &&
          (e.data as { changed: string[] }).changed.includes('about_us'),
      ),
    );
    expect((updated.data as { changed: string[] }).changed).toEqual(
      expect.arrayContaining(['about_us', 'social_media_links']),
    );
    const after = await api(`/api/catalog/organizations/${linkName}`);
    expect(after.body.about_us).toContain('dinghies');
    expect(after.body.social_media_links.instagram).toBe('https://instagram.com/calsailing');
    expect((await api('/api/catalog/organizations?q=dinghies')).body.results[0].link_name).toBe(linkName);
    // Without a token, the officer API refuses at the gateway.
    expect((await api('/api/admin/profile', { body: { about_us: 'x' } })).status).toBe(401);
  });

  it('an unconfirmed squatter’s club goes when the owner registers, or when an admin removes the registration', async () => {
    const admin = (await api('/api/monitor/login', { body: ADMIN })).body.access as string;
    await api('/api/monitor/rso/import', {
      body: { emails: ['go@berkeley.edu', 'chess@berkeley.edu'] },
      token: admin,
    });
    const registration = (email: string, name: string, password: string) => ({
      name,
      email,
      password,
      tags: [0],
      app_required: false,
      new_members: true,
      num_users: 0,
      apply_deadline_start: null,
      apply_deadline_end: null,
      recruiting_start: null,
      recruiting_end: null,
    });
    const clubsOf = async (email: string) =>
      ((await api('/api/monitor/club/list', { token: admin })).body as { name: string; email: string }[])
        .filter((club) => club.email === email)
        .map((club) => club.name);

    // Someone registers the Go Club's address first; the catalog creates their (hidden) club.
    expect(
      (await api('/api/user/register', { body: registration('go@berkeley.edu', 'Not Go', 'Squat-pass-1!') }))
        .status,
    ).toBe(200);
    await eventually(async () => (await clubsOf('go@berkeley.edu')).length === 1);
    // The owner registers too: the first club is removed, theirs created.
    const owner = await api('/api/user/register', {
      body: registration('go@berkeley.edu', 'Cal Go Club', 'Owner-pass-1!'),
    });
    expect(owner).toMatchObject({ status: 200, body: { status: 'success' } });
    await eventually(async () => (await clubsOf('go@berkeley.edu')).join() === 'Cal Go Club');

    // An admin removes another unconfirmed registration through the gateway; its club goes with it.
    await api('/api/user/register', {
      body: registration('chess@berkeley.edu', 'Not Chess', 'Squat-pass-1!'),
    });
    await eventually(async () => (await clubsOf('chess@berkeley.edu')).length === 1);
    const removed = await api('/api/monitor/rso/chess@berkeley.edu/registration', {
      method: 'DELETE',
      token: admin,
    });
    expect(removed).toMatchObject({ status: 200, body: { status: 'success' } });
    await eventually(async () => (await clubsOf('chess@berkeley.edu')).length === 0);
    expect((await api('/api/monitor/rso/chess@berkeley.edu/registration', { method: 'DELETE' })).status).toBe(
      401,
    );
  });

  it('serves the merged OpenAPI document and Swagger UI at the gateway', async () => {
    const document = await api('/api/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body.openapi).toBe('3.1.0');
    for (const path of [
      '/api/user/register',
      '/api/monitor/rso/list',
      '/api/student/login',
      '/api/catalog/tags',
    ]) {
      expect(Object.keys(document.body.paths)).toContain(path);
    }
    expect(document.body.components.securitySchemes.accessToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const page = await fetch(`${platform.url}/api/docs/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger-ui');
    const init = await fetch(`${platform.url}/api/docs/swagger-initializer.js`);
    expect(await init.text()).toContain("url: '/api/openapi.json'");
    expect((await fetch(`${platform.url}/internal/openapi.json`)).status).toBe(404);
  });

  it('serves auth’s public keys at the gateway', async () => {
    const jwks = await api('/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys[0]).toMatchObject({ kty: 'EC', alg: 'ES256' });
  });
});
