import { brotliDecompressSync } from 'node:zlib';
import { eventually, rawGet } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OfficerSession, signUpOfficer } from './support/officer.js';
import { type Api, startTestPlatform, type TestPlatform } from './support/platform.js';

const ADMIN = { email: 'admin@campus.test', password: 'Admin-pass-42!' };
const OFFICER = { email: 'origami@berkeley.edu', password: 'Fold-it-2026!', club: 'Origami Circle' };
const WHOLE = '/api/catalog/organizations?limit=999&skip=0';

// Issue 22 through the gateway, as `npm start` composes the platform: the catalog's validators, its
// precompressed answers and its changes reach the client as the catalog sends them.
describe('the catalog’s cached answers through the gateway (embedded platform, demo data)', () => {
  let testPlatform: TestPlatform;
  let api: Api;
  let officer: OfficerSession;
  const get = (path: string, headers: Record<string, string> = {}) =>
    rawGet(`${testPlatform.platform.url}${path}`, { 'accept-encoding': 'identity', ...headers });

  beforeAll(async () => {
    testPlatform = await startTestPlatform('catalog-cache', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      FRONTEND_BASE_URL: 'http://web.test',
      SEED_DEMO: '1',
    });
    api = testPlatform.api;
    officer = await signUpOfficer(api, testPlatform.platform.url, ADMIN, OFFICER);
  }, 120_000);
  afterAll(() => testPlatform?.stop());

  it('answers 304 for a matching ETag', async () => {
    const first = await get('/api/catalog/organizations?limit=5');
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    const again = await get('/api/catalog/organizations?limit=5', { 'if-none-match': first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('shows an officer’s edit on a warm cache within 1 s', async () => {
    const page = `/api/catalog/organizations/${officer.link}`;
    for (const _ of [1, 2]) expect((await get(page)).status).toBe(200);
    const about = `Folded at ${Date.now()}`;
    const edit = await api('/api/admin/profile', { body: { about_us: about }, token: officer.access });
    expect(edit).toMatchObject({ status: 200, body: { status: 'success' } });
    const written = performance.now();
    await eventually(
      async () => JSON.parse((await get(page)).body.toString()).about_us === about,
      15_000,
      10,
    );
    expect(performance.now() - written).toBeLessThan(1_000);
  });

  it('relays the brotli-precompressed whole catalog as it is (decoded once, it is the identity answer)', async () => {
    const identity = await get(WHOLE);
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    const br = await get(WHOLE, { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.etag).toBe(`${identity.headers.etag!.slice(0, -1)}.br"`);
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    // The same bytes the second time: made once by the catalog, not per request by the gateway.
    expect((await get(WHOLE, { 'accept-encoding': 'br' })).body.equals(br.body)).toBe(true);
  });
});
