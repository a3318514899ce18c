import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchJson } from '@sproul/common/testing';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, startAuth } from './auth-harness.js';

/** People the test provider knows; the next sign-in is as `who.next`. */
const people: Record<string, Record<string, unknown>> = {
  oski: { email: 'Oski@Berkeley.edu', email_verified: true, name: 'Oski Bear' },
  outsider: { email: 'someone@gmail.com', email_verified: true, name: 'Some One' },
  unverified: { email: 'sneaky@berkeley.edu', email_verified: false, name: 'Sneaky' },
  officer: { email: 'club@berkeley.edu', email_verified: true, name: 'Club Officer' },
  member: { email: 'member@berkeley.edu', email_verified: true, name: 'A Member' },
  squatted: { email: 'later@berkeley.edu', email_verified: true, name: 'Late Comer' },
};
const who = { next: 'oski' };

/** A real OpenID Connect provider on a loopback port, signing people in without a login page. */
async function startProvider(redirectUri: string) {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test', alg: 'RS256', use: 'sig' };
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'sproul',
        client_secret: 'sproul-secret',
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: id, ...people[id] }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-cookie-key'] },
    // Quiet the development-keys warning: a test provider signs with throwaway keys on purpose.
    jwks: { keys: [signingKey] },
  });
  server.on('request', async (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return provider.callback()(req, res);
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: who.next } },
        { mergeWithLastSubmission: false },
      );
    }
    const grant = new provider.Grant({
      accountId: String(details.session?.accountId),
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope('openid email profile');
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  });
  return { issuer, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('student single sign-on (OpenID Connect)', () => {
  let auth: AuthHarness;
  let provider: Awaited<ReturnType<typeof startProvider>>;

  beforeAll(async () => {
    provider = await startProvider('http://api.test/api/student/login');
    auth = await startAuth('embedded', {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'sproul',
      OIDC_CLIENT_SECRET: 'sproul-secret',
    });
  });
  afterAll(async () => {
    await auth?.close();
    await provider?.close();
  });

  /** A browser: follows redirects keeping cookies; `api.test` is the auth service. */
  async function browse(start: string, tamper?: (url: URL) => void) {
    const jar = new Map<string, string>();
    let url = start;
    const visited: string[] = [];
    for (let hop = 0; hop < 20; hop++) {
      const target = new URL(url.replace('http://api.test', auth.service.url));
      if (target.searchParams.has('code')) tamper?.(target);
      visited.push(target.href);
      const res = await fetch(target, {
        redirect: 'manual',
        headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
      });
      for (const cookie of res.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair!.indexOf('=');
        jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
      }
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get('location')!, target).href;
        continue;
      }
      const text = await res.text();
      return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text, visited };
    }
    throw new Error('too many redirects');
  }

  it('creates the student account on first sign-in, with upstream’s answer, and finds it the next time', async () => {
    who.next = 'oski';
    const first = await browse(auth.url('/api/student/login'));
    expect(first.visited[1]).toContain(`${provider.issuer}/auth?`);
    expect(first.visited[1]).toContain('code_challenge_method=S256');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      is_new_user: true,
      profile: { name: 'Oski Bear', email: 'oski@berkeley.edu' },
      token: {
        access: expect.any(String),
        access_expires_in: 1800,
        refresh: expect.any(String),
        refresh_expires_in: 1296000,
      },
    });
    const claims = JSON.parse(Buffer.from(first.body.token.access.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ role: 'student', email: 'oski@berkeley.edu', confirmed: true });
    expect(
      auth.events.filter((e) => e.type === 'UserRegistered').map((e) => (e.data as { role: string }).role),
    ).toEqual(['student']);

    const second = await browse(auth.url('/api/student/login'));
    expect(second.body).toMatchObject({ is_new_user: false, profile: { email: 'oski@berkeley.edu' } });
    expect(
      (await fetchJson(auth.url('/api/student/refresh'), { body: {}, token: second.body.token.refresh }))
        .status,
    ).toBe(200);
  });

  it.each([
    ['outsider', 403, 'Student accounts need an @berkeley.edu email address'],
    ['unverified', 403, 'Login failed: the provider gave no verified email address'],
  ])('refuses %s', async (person, status, reason) => {
    who.next = person;
    const res = await browse(auth.url('/api/student/login'));
    expect(res).toMatchObject({ status, body: { status: 'error', reason } });
  });

  it('replaces an unconfirmed club account under the address: the provider proved it, its registrant did not', async () => {
    await auth.allowRso('club@berkeley.edu');
    await fetchJson(auth.url('/api/user/register'), {
      body: {
        name: 'Club',
        email: 'club@berkeley.edu',
        password: 'Robots-4-ever!',
        tags: [0],
        app_required: false,
        new_members: true,
        num_users: 0,
        apply_deadline_start: null,
        apply_deadline_end: null,
        recruiting_start: null,
        recruiting_end: null,
      },
    });
    who.next = 'officer';
    const res = await browse(auth.url('/api/student/login'));
    expect(res).toMatchObject({
      status: 200,
      body: { is_new_user: true, profile: { email: 'club@berkeley.edu' } },
    });
    expect(
      auth.events.find(
        (e) => e.type === 'AccountDeleted' && (e.data as { email: string }).email === 'club@berkeley.edu',
      )?.data,
    ).toMatchObject({ role: 'officer' });
    const officerLogin = await fetchJson(auth.url('/api/user/login'), {
      body: { email: 'club@berkeley.edu', password: 'Robots-4-ever!' },
    });
    expect(officerLogin.status).toBe(400);
  });

  it('refuses an address that belongs to a confirmed member account', async () => {
    await fetchJson(auth.url('/api/user/register'), {
      body: { email: 'member@berkeley.edu', password: 'Member-pass-1!' },
    });
    const link = await auth.emailLink('member@berkeley.edu', 'confirm-email');
    await fetchJson(link.replace('http://api.test', auth.service.url));
    who.next = 'member';
    expect((await browse(auth.url('/api/student/login'))).status).toBe(409);
  });

  it('links an unconfirmed password student, ending the password and sessions its registrant set up', async () => {
    await fetchJson(auth.url('/api/student/register'), {
      body: { email: 'later@berkeley.edu', password: 'Squatter-pass-1!', name: 'Not Them' },
    });
    const squatter = (
      await fetchJson(auth.url('/api/student/login'), {
        body: { email: 'later@berkeley.edu', password: 'Squatter-pass-1!' },
      })
    ).body;
    who.next = 'squatted';
    const res = await browse(auth.url('/api/student/login'));
    expect(res).toMatchObject({ status: 200, body: { is_new_user: false } });
    expect(
      (
        await fetchJson(auth.url('/api/student/login'), {
          body: { email: 'later@berkeley.edu', password: 'Squatter-pass-1!' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await fetchJson(auth.url('/api/student/refresh'), { body: {}, token: squatter.refresh })).status,
    ).toBe(401);
  });

  it('refuses a forged state, and a callback replayed after use', async () => {
    who.next = 'oski';
    const forged = await browse(auth.url('/api/student/login'), (url) =>
      url.searchParams.set('state', 'forged'),
    );
    expect(forged).toMatchObject({ status: 400, body: { reason: expect.stringMatching(/^Login failed/) } });

    const ok = await browse(auth.url('/api/student/login'));
    const callback = ok.visited.at(-1)!;
    const replay = await fetchJson(callback);
    expect(replay).toMatchObject({ status: 400, body: { reason: expect.stringMatching(/^Login failed/) } });
  });

  it('upstream §6.3 #7: a failed code exchange answers a fixed reason, no library or provider details (upstream: Authomatic debug=True)', async () => {
    who.next = 'oski';
    const forged = await browse(auth.url('/api/student/login'), (url) =>
      url.searchParams.set('code', 'forged'),
    );
    expect(forged).toEqual({
      status: 400,
      body: {
        status: 'error',
        reason: 'Login failed: the provider’s answer could not be verified',
        data: null,
      },
      visited: expect.any(Array),
    });
  });

  it('upstream §6.3 #7: a sign-on account has no password, so upstream’s pseudo-password (UNUSABLE_PASSWORD + email) opens nothing', async () => {
    who.next = 'oski';
    expect((await browse(auth.url('/api/student/login'))).status).toBe(200);
    const pseudo = { email: 'oski@berkeley.edu', password: 'UNUSABLE_PASSWORD' + 'oski@berkeley.edu' };
    for (const path of ['/api/student/login', '/api/user/login']) {
      const res = await fetchJson(auth.url(path), { body: pseudo });
      expect(res, path).toMatchObject({
        status: 400,
        body: { reason: 'The email or password is incorrect.' },
      });
    }
  });

  it('passes on the provider’s refusal', async () => {
    const res = await fetchJson(
      auth.url('/api/student/login?error=access_denied&error_description=User%20said%20no&state=x'),
    );
    expect(res).toMatchObject({ status: 400, body: { reason: 'Login failed: User said no' } });
  });
});
