import { fetchJson } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type AuthHarness, officerRegistration, startAuth } from './auth-harness.js';

const NUL = 'a\u0000b@berkeley.edu';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

// Each of these reached PostgreSQL with a NUL byte and answered 500; the common check answers 400.
describe('NUL bytes in auth requests', () => {
  let auth: AuthHarness;
  let adminToken: string;
  beforeAll(async () => {
    auth = await startAuth();
    adminToken = (await fetchJson(auth.url('/api/monitor/login'), { body: ADMIN })).body.access;
  });
  afterAll(() => auth?.close());

  const expect400 = (res: { status: number; body: { status: string; data: unknown } }, field: string) => {
    expect(res.status).toBe(400);
    expect(res.body.status).toBe('error');
    expect(res.body.data).toEqual([{ field, errors: [expect.stringMatching(/NUL/)] }]);
  };

  it.each(['/api/user/login', '/api/monitor/login', '/api/student/login'])('POST %s', async (path) => {
    expect400(await fetchJson(auth.url(path), { body: { email: NUL, password: 'Pass-word-1!' } }), 'email');
  });

  it('Basic credentials on GET /api/user/login and PATCH /api/user', async () => {
    const authorization = basic(NUL, 'Pass-word-1!');
    expect400(await fetchJson(auth.url('/api/user/login'), { headers: { authorization } }), 'authorization');
    expect400(
      await fetchJson(auth.url('/api/user'), {
        method: 'PATCH',
        body: { name: 'x' },
        headers: { authorization },
      }),
      'authorization',
    );
  });

  it('email-exists, officer, member and student registration, PATCH /api/user', async () => {
    expect400(await fetchJson(auth.url('/api/user/email-exists'), { body: { email: NUL } }), 'email');
    expect400(await fetchJson(auth.url('/api/user/register'), { body: officerRegistration(NUL) }), 'email');
    expect400(
      await fetchJson(auth.url('/api/user/register'), { body: { email: NUL, password: 'Pass-word-1!' } }),
      'email',
    );
    expect400(
      await fetchJson(auth.url('/api/student/register'), {
        body: { email: 'oski@berkeley.edu', password: 'Pass-word-1!', name: 'O\u0000ski' },
      }),
      'name',
    );
    expect400(
      await fetchJson(auth.url('/api/user'), {
        method: 'PATCH',
        body: { name: 'x\u0000' },
        token: adminToken,
      }),
      'name',
    );
  });

  it('DELETE /api/monitor/rso/%00', async () => {
    expect400(
      await fetchJson(auth.url('/api/monitor/rso/%00'), { method: 'DELETE', token: adminToken }),
      'email',
    );
  });
});
