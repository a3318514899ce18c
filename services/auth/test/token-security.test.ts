import { createHmac, randomUUID } from 'node:crypto';
import { fetchJson, infraAvailable } from '@sproul/common/testing';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, type AuthHarnessKind, officerRegistration, startAuth } from './auth-harness.js';

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe.each(['embedded', 'postgres+redis'] as AuthHarnessKind[])('token security (%s)', async (kind) => {
  const available = kind === 'embedded' || (await infraAvailable('postgres', 'redis'));
  let auth: AuthHarness;
  let session: { access: string; refresh: string };

  beforeAll(async () => {
    if (!available) return;
    auth = await startAuth(kind);
    await auth.allowRso('secure@berkeley.edu');
    await fetchJson(auth.url('/api/user/register'), { body: officerRegistration('secure@berkeley.edu') });
    session = (
      await fetchJson(auth.url('/api/user/login'), {
        body: { email: 'secure@berkeley.edu', password: 'Robots-4-ever!' },
      })
    ).body;
  });
  afterAll(() => auth?.close());

  const useAccess = (token: string) =>
    fetchJson(auth.url('/api/user/revoke-access'), { method: 'DELETE', token });

  it.skipIf(!available)('publishes ES256 public keys with a kid, and nothing private', async () => {
    const { body } = await fetchJson(auth.url('/.well-known/jwks.json'));
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      alg: 'ES256',
      use: 'sig',
      kid: expect.any(String),
    });
    expect(body.keys[0].d).toBeUndefined();
    const tokenHeader = JSON.parse(Buffer.from(session.access.split('.')[0]!, 'base64url').toString());
    expect(tokenHeader).toEqual({ alg: 'ES256', kid: body.keys[0].kid, typ: 'JWT' });
  });

  it.skipIf(!available)('puts who the bearer is in the access token', () => {
    const claims = JSON.parse(Buffer.from(session.access.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({
      sub: expect.any(String),
      role: 'officer',
      email: 'secure@berkeley.edu',
      confirmed: false,
      sid: expect.any(String),
      token_use: 'access',
      iss: 'sproul-auth',
      aud: 'sproul',
    });
    expect(claims.exp - claims.iat).toBe(1800);
  });

  it.skipIf(!available)('refuses a token whose payload was tampered with', async () => {
    const [h, p, s] = session.access.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${b64({ ...claims, role: 'admin' })}.${s}`;
    expect(await useAccess(forged)).toMatchObject({ status: 401, body: { reason: 'Invalid token' } });
  });

  it.skipIf(!available)('refuses alg: none', async () => {
    const claims = JSON.parse(Buffer.from(session.access.split('.')[1]!, 'base64url').toString());
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    expect((await useAccess(unsigned)).status).toBe(401);
  });

  it.skipIf(!available)(
    'refuses HS256 signed with the public key as the secret (algorithm confusion)',
    async () => {
      const { body } = await fetchJson(auth.url('/.well-known/jwks.json'));
      const claims = JSON.parse(Buffer.from(session.access.split('.')[1]!, 'base64url').toString());
      const head = b64({ alg: 'HS256', kid: body.keys[0].kid, typ: 'JWT' });
      const bodyPart = b64({ ...claims, jti: randomUUID() });
      for (const secret of [JSON.stringify(body.keys[0]), body.keys[0].x]) {
        const signature = createHmac('sha256', secret).update(`${head}.${bodyPart}`).digest('base64url');
        expect((await useAccess(`${head}.${bodyPart}.${signature}`)).status).toBe(401);
      }
    },
  );

  it.skipIf(!available)('refuses a well-formed ES256 token signed by someone else’s key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const { body } = await fetchJson(auth.url('/.well-known/jwks.json'));
    const claims = JSON.parse(Buffer.from(session.access.split('.')[1]!, 'base64url').toString());
    const forged = await new SignJWT({ ...claims, jti: randomUUID() })
      .setProtectedHeader({ alg: 'ES256', kid: body.keys[0].kid })
      .sign(privateKey);
    expect((await useAccess(forged)).status).toBe(401);
  });

  it.skipIf(!available)('refuses a refresh token used as an access token, and the reverse', async () => {
    expect(await useAccess(session.refresh)).toMatchObject({
      status: 401,
      body: { reason: 'Only access tokens are allowed' },
    });
    const res = await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: session.access });
    expect(res).toMatchObject({ status: 401, body: { reason: 'Only refresh tokens are allowed' } });
  });

  it.skipIf(!available)('refuses malformed Authorization headers', async () => {
    for (const authorization of [
      'Bearer',
      'Basic abc',
      'Bearer not.a.jwt',
      `Bearer ${'x'.repeat(5000)}`,
      'Bearer a.b.c.d',
    ]) {
      const res = await fetchJson(auth.url('/api/user/revoke-access'), {
        method: 'DELETE',
        headers: { authorization },
      });
      expect(res.status, authorization.slice(0, 20)).toBe(401);
      expect(res.body.status).toBe('error');
    }
  });
});

describe('an expired access token', () => {
  let auth: AuthHarness;
  // Auth's time: set back to sign tokens that have already expired, instead of waiting for them to.
  let offsetMs = 0;
  beforeAll(async () => {
    auth = await startAuth(
      'embedded',
      { ACCESS_TOKEN_TTL_S: '1' },
      { clock: () => new Date(Date.now() + offsetMs) },
    );
    await auth.allowRso('brief@berkeley.edu');
    await fetchJson(auth.url('/api/user/register'), { body: officerRegistration('brief@berkeley.edu') });
  });
  afterAll(() => auth?.close());

  it('is refused with upstream’s reason, while its session can still be refreshed', async () => {
    offsetMs = -2_100; // signed 2.1 s ago, valid 1 s
    const session = (
      await fetchJson(auth.url('/api/user/login'), {
        body: { email: 'brief@berkeley.edu', password: 'Robots-4-ever!' },
      })
    ).body;
    offsetMs = 0;
    expect(session.access_expires_in).toBe(1);
    const res = await fetchJson(auth.url('/api/user/revoke-access'), {
      method: 'DELETE',
      token: session.access,
    });
    expect(res).toMatchObject({ status: 401, body: { status: 'error', reason: 'Token has expired' } });
    expect(
      (await fetchJson(auth.url('/api/user/refresh'), { body: {}, token: session.refresh })).status,
    ).toBe(200);
  });
});
