import { fetchJson } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type AuthHarness, officerRegistration, startAuth } from './auth-harness.js';

describe('admin accounts and the RSO allow-list (/api/monitor)', () => {
  let auth: AuthHarness;
  let admin: { access: string; refresh: string };
  let officer: { access: string };

  beforeAll(async () => {
    auth = await startAuth();
    admin = (await fetchJson(auth.url('/api/monitor/login'), { body: ADMIN })).body;
    await auth.allowRso('officer@berkeley.edu');
    await fetchJson(auth.url('/api/user/register'), { body: officerRegistration('officer@berkeley.edu') });
    officer = (
      await fetchJson(auth.url('/api/user/login'), {
        body: { email: 'officer@berkeley.edu', password: 'Robots-4-ever!' },
      })
    ).body;
  });
  afterAll(() => auth?.close());

  const asAdmin = (path: string, init: { method?: string; body?: unknown } = {}) =>
    fetchJson(auth.url(`/api/monitor${path}`), { ...init, token: admin.access });

  it('upstream §6.1 #1: signs the embedded admin in, and refreshes and revokes its tokens (upstream: 500 on all three)', async () => {
    expect(admin).toMatchObject({ access_expires_in: 1800, refresh_expires_in: 1296000 });
    const refreshed = await fetchJson(auth.url('/api/monitor/refresh'), { body: {}, token: admin.refresh });
    expect(refreshed.status).toBe(200);
    const extra = refreshed.body as { access: string; refresh: string };
    expect(
      (await fetchJson(auth.url('/api/monitor/revoke-access'), { method: 'DELETE', token: extra.access }))
        .body,
    ).toEqual({
      status: 'success',
      message: 'Access token revoked!',
    });
    const second = (await fetchJson(auth.url('/api/monitor/login'), { body: ADMIN })).body;
    expect(
      (await fetchJson(auth.url('/api/monitor/revoke-refresh'), { method: 'DELETE', token: second.refresh }))
        .status,
    ).toBe(200);
  });

  it('does not let an officer sign in as an admin, nor an admin as an officer', async () => {
    const officerAsAdmin = await fetchJson(auth.url('/api/monitor/login'), {
      body: { email: 'officer@berkeley.edu', password: 'Robots-4-ever!' },
    });
    expect(officerAsAdmin.status).toBe(400);
    expect((await fetchJson(auth.url('/api/user/login'), { body: ADMIN })).status).toBe(400);
  });

  it('keeps admin routes for admins', async () => {
    for (const [method, path] of [
      ['GET', '/rso/list'],
      ['GET', '/rso/download'],
      ['POST', '/rso'],
      ['DELETE', '/rso/officer@berkeley.edu'],
    ] as const) {
      const asOfficer = await fetchJson(auth.url(`/api/monitor${path}`), {
        method,
        token: officer.access,
        body: method === 'POST' ? { email: 'x@berkeley.edu' } : undefined,
      });
      expect(asOfficer, path).toMatchObject({
        status: 401,
        body: { reason: 'You are not allowed to access this endpoint!' },
      });
      expect((await fetchJson(auth.url(`/api/monitor${path}`), { method })).status).toBe(401);
    }
  });

  it('adds, lists with registration status, exports and removes RSO emails', async () => {
    expect((await asAdmin('/rso', { body: { email: 'New.Club@Berkeley.edu' } })).body).toEqual({
      status: 'success',
    });
    const duplicate = await asAdmin('/rso', { body: { email: 'new.club@berkeley.edu' } });
    expect(duplicate).toMatchObject({ status: 400, body: { reason: 'Specified RSO Email already exists!' } });
    expect((await asAdmin('/rso', { body: { email: 'not an email' } })).status).toBe(400);

    const list = (await asAdmin('/rso/list')).body;
    expect(list).toEqual([
      { email: 'new.club@berkeley.edu', registered: false, confirmed: false },
      { email: 'officer@berkeley.edu', registered: true, confirmed: false },
    ]);

    const csv = await asAdmin('/rso/download');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('rso_emails.csv');
    expect(csv.body).toBe(
      'email,registered,confirmed\r\nnew.club@berkeley.edu,No,No\r\nofficer@berkeley.edu,Yes,No',
    );

    const inUse = await asAdmin('/rso/officer@berkeley.edu', { method: 'DELETE' });
    expect(inUse).toMatchObject({
      status: 400,
      body: { reason: 'A club already exists with that email! Please delete it first' },
    });
    expect((await asAdmin('/rso/new.club@berkeley.edu', { method: 'DELETE' })).body).toEqual({
      status: 'success',
    });
    const gone = await asAdmin('/rso/new.club@berkeley.edu', { method: 'DELETE' });
    expect(gone).toMatchObject({ status: 400, body: { reason: 'Specified RSO Email does not exist!' } });
  });

  it('imports a CSV export of RSO emails in bulk, skipping headers, names and duplicates', async () => {
    const csv =
      'Organization,Email\r\n"Chess, Club",chess@berkeley.edu\nGo Club,GO@berkeley.edu\nDup,chess@berkeley.edu\nofficer@berkeley.edu';
    const res = await asAdmin('/rso/import', { body: { csv } });
    expect(res.body).toEqual({ status: 'success', added: 2, already_present: 1 });
    const emails = (await asAdmin('/rso/list')).body.map((row: { email: string }) => row.email);
    expect(emails).toEqual(['chess@berkeley.edu', 'go@berkeley.edu', 'officer@berkeley.edu']);
    expect((await asAdmin('/rso/import', { body: { emails: ['x@berkeley.edu', 'oops'] } })).status).toBe(400);
  });
});
