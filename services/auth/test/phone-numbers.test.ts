import { createHash, randomUUID } from 'node:crypto';
import { rowsOf } from '@sproul/common/db';
import { makeEvent, ReadModelReplayRequestedV1 } from '@sproul/common/events';
import { eventually, fetchJson } from '@sproul/common/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  type AuthHarness,
  type AuthHarnessKind,
  officerRegistration,
  startAuth,
} from './auth-harness.js';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe.each(['embedded', 'postgres+redis'] as AuthHarnessKind[])('verified phone numbers (%s)', (kind) => {
  let auth: AuthHarness;
  // The service's clock: codes expire by it.
  let offsetMs = 0;
  const tokens: Record<'alice' | 'bob' | 'carol' | 'officer' | 'admin', string> = {} as never;
  const ids: Record<string, string> = {};

  const member = async (name: 'alice' | 'bob' | 'carol') => {
    const email = `${name}@example.org`;
    await fetchJson(auth.url('/api/user/register'), { body: { email, password: 'Member-pass-1!' } });
    const { token } = (
      await fetchJson(auth.url('/api/user/login'), {
        headers: { authorization: basic(email, 'Member-pass-1!') },
      })
    ).body;
    tokens[name] = token;
    ids[name] = (await fetchJson(auth.url('/api/user'), { token })).body.id;
  };

  const phone = (who: keyof typeof tokens, init: { body?: unknown; method?: string } = {}, path = '') =>
    fetchJson(auth.url(`/api/user/phone${path}`), { ...init, token: tokens[who] });

  /** The code of the latest SmsRequested to a number. */
  const lastCode = async (to: string) => {
    await auth.settled();
    const sms = auth.events.filter((e) => e.type === 'SmsRequested' && (e.data as { to: string }).to === to);
    const text = (sms.at(-1)?.data as { text: string } | undefined)?.text ?? '';
    return /\b(\d{6})\b/.exec(text)?.[1] ?? '';
  };
  const lastOf = (type: string) => auth.events.filter((e) => e.type === type).at(-1);
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  beforeAll(async () => {
    auth = await startAuth(kind, {}, { clock: () => new Date(Date.now() + offsetMs) });
    for (const name of ['alice', 'bob', 'carol'] as const) await member(name);
    tokens.admin = (await fetchJson(auth.url('/api/monitor/login'), { body: ADMIN })).body.access;
    await auth.allowRso('officer@berkeley.edu');
    await fetchJson(auth.url('/api/user/register'), { body: officerRegistration('officer@berkeley.edu') });
    tokens.officer = (
      await fetchJson(auth.url('/api/user/login'), {
        body: { email: 'officer@berkeley.edu', password: 'Robots-4-ever!' },
      })
    ).body.access;
  });
  afterAll(() => auth?.close());

  it('answers 401 without a token, and 400 for a number not in E.164 or a malformed code', async () => {
    expect((await fetchJson(auth.url('/api/user/phone'))).status).toBe(401);
    expect((await fetchJson(auth.url('/api/user/phone'), { body: { phone: '+14155550100' } })).status).toBe(
      401,
    );
    for (const bad of ['4155550100', '+1 415 555 0100', '+1-415-555-0100', '+0123456789', '', 14155550100]) {
      expect((await phone('alice', { body: { phone: bad } })).status).toBe(400);
    }
    for (const code of ['12345', '1234567', 'abcdef', 123456]) {
      expect((await phone('alice', { body: { code } }, '/verify')).status).toBe(400);
    }
    expect((await phone('alice')).body).toEqual({ phone: null, verified: false, pending: null });
  });

  it('sends a code by SMS (202, not in the answer), kept in the database only as a peppered hash', async () => {
    const sent = await phone('alice', { body: { phone: '+14155550101' } });
    expect(sent.status).toBe(202);
    expect(JSON.stringify(sent.body)).not.toMatch(/\b\d{6}\b/);
    expect(sent.body).toMatchObject({
      phone: null,
      verified: false,
      pending: { phone: '+14155550101', attempts_left: 5, expires_at: expect.any(String) },
    });
    const code = await lastCode('+14155550101');
    expect(code).toMatch(/^\d{6}$/);
    const sms = lastOf('SmsRequested');
    expect(sms?.data).toMatchObject({ to: '+14155550101', purpose: 'phone-code', userId: ids.alice });
    const rows = rowsOf<Record<string, string>>(
      await auth.db.execute(sql`select * from auth.phone_challenges`),
    );
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(createHash('sha256').update(code).digest('hex'));
  });

  it('counts wrong codes (attempts left in data) and kills the code after 5', async () => {
    const code = await lastCode('+14155550101');
    for (let left = 4; left >= 0; left--) {
      const res = await phone('alice', { body: { code: wrong(code) } }, '/verify');
      expect(res).toMatchObject({ status: 400, body: { status: 'error', data: { attempts_left: left } } });
    }
    const dead = await phone('alice', { body: { code } }, '/verify');
    expect(dead).toMatchObject({ status: 410, body: { data: { state: 'dead' } } });
    expect((await phone('alice')).body.pending).toBeNull();
  });

  it('lets a code expire after 10 minutes', async () => {
    await phone('alice', { body: { phone: '+14155550101' } });
    const code = await lastCode('+14155550101');
    offsetMs += 10 * 60_000 + 1000;
    const expired = await phone('alice', { body: { code } }, '/verify');
    expect(expired).toMatchObject({ status: 410, body: { data: { state: 'expired' } } });
  });

  it('limits sends to 3 per hour per account (429 + Retry-After), counted in the database', async () => {
    // Alice sent two already this hour (on the service's clock).
    expect((await phone('alice', { body: { phone: '+14155550102' } })).status).toBe(202);
    const limited = await phone('alice', { body: { phone: '+14155550103' } });
    expect(limited).toMatchObject({
      status: 429,
      body: { status: 'error', data: { per: 'account', limit: 3 } },
    });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    // An hour after the first, one send is free again.
    offsetMs += 3600_000 - 10 * 60_000;
    expect((await phone('alice', { body: { phone: '+14155550102' } })).status).toBe(202);
  });

  it('limits sends to 3 per hour per number, whichever accounts ask', async () => {
    const target = '+442071838750';
    expect((await phone('bob', { body: { phone: target } })).status).toBe(202);
    expect((await phone('bob', { body: { phone: target } })).status).toBe(202);
    expect((await phone('carol', { body: { phone: target } })).status).toBe(202);
    const limited = await phone('officer', { body: { phone: target } });
    expect(limited).toMatchObject({ status: 429, body: { data: { per: 'number' } } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('verifies with the right code: the number is the account’s, and PhoneNumberChanged says so', async () => {
    const code = await lastCode('+14155550102');
    const res = await phone('alice', { body: { code } }, '/verify');
    expect(res).toMatchObject({
      status: 200,
      body: { phone: '+14155550102', verified: true, pending: null },
    });
    await auth.settled();
    expect(lastOf('PhoneNumberChanged')?.data).toEqual({
      userId: ids.alice,
      phone: '+14155550102',
    });
    // The code is spent.
    expect((await phone('alice', { body: { code } }, '/verify')).status).toBe(410);
    // Asking again for the same number is a conflict, not another SMS.
    expect((await phone('alice', { body: { phone: '+14155550102' } })).status).toBe(409);
  });

  it('refuses a number verified on another account (409), at send and at verify', async () => {
    expect((await phone('bob', { body: { phone: '+14155550102' } })).status).toBe(409);
    // Carol's code for the shared number is checked after Bob verifies it: refused.
    offsetMs += 3600_000;
    await phone('carol', { body: { phone: '+14155550199' } });
    const carolCode = await lastCode('+14155550199');
    await phone('bob', { body: { phone: '+14155550199' } });
    const bobCode = await lastCode('+14155550199');
    expect((await phone('bob', { body: { code: bobCode } }, '/verify')).status).toBe(200);
    const taken = await phone('carol', { body: { code: carolCode } }, '/verify');
    expect(taken).toMatchObject({
      status: 409,
      body: { reason: expect.stringContaining('another account') },
    });
  });

  it('works for officers and admins too', async () => {
    // The harness has an admin in the embedded mode only (created at start-up there).
    for (const who of kind === 'embedded' ? (['officer', 'admin'] as const) : (['officer'] as const)) {
      const number = who === 'officer' ? '+14155550301' : '+14155550302';
      const sent = await phone(who, { body: { phone: number } });
      expect(sent.status, `${who}: ${JSON.stringify(sent.body)}`).toBe(202);
      const res = await phone(who, { body: { code: await lastCode(number) } }, '/verify');
      expect(res).toMatchObject({ status: 200, body: { phone: number, verified: true } });
    }
  });

  it('removes the number: PhoneNumberChanged with phone null', async () => {
    const res = await phone('alice', { method: 'DELETE' });
    expect(res).toMatchObject({ status: 200, body: { phone: null, verified: false, pending: null } });
    await auth.settled();
    expect(lastOf('PhoneNumberChanged')?.data).toEqual({
      userId: ids.alice,
      phone: null,
    });
    // Now free for another account.
    expect((await phone('carol', { body: { phone: '+14155550102' } })).status).toBe(202);
  });

  it('restates every verified number when a read model is replayed', async () => {
    await auth.settled();
    const before = auth.events.length;
    await auth.bus.publish([
      makeEvent(
        ReadModelReplayRequestedV1,
        { replayId: randomUUID(), requestedBy: 'engagement', owners: ['auth'] },
        'engagement',
      ),
    ]);
    await eventually(() => auth.events.slice(before).some((e) => e.type === 'ReadModelReplayed'));
    const restated = auth.events
      .slice(before)
      .filter((e) => e.type === 'PhoneNumberChanged')
      .map((e) => e.data);
    expect(restated).toEqual(
      expect.arrayContaining([
        { userId: ids.bob, phone: '+14155550199' },
        expect.objectContaining({ phone: '+14155550301' }),
      ]),
    );
    expect(restated).toHaveLength(kind === 'embedded' ? 3 : 2);
  });

  it('lets the phone go with the account', async () => {
    const res = await fetchJson(auth.url('/api/user'), { method: 'DELETE', token: tokens.bob });
    expect(res.status).toBe(200);
    await auth.settled();
    expect(
      auth.events
        .filter((e) => e.type === 'PhoneNumberChanged' && (e.data as { userId: string }).userId === ids.bob)
        .at(-1)?.data,
    ).toEqual({ userId: ids.bob, phone: null });
    const left = rowsOf<{ n: number }>(
      await auth.db.execute(
        sql`select count(*)::int as n from auth.phone_numbers where phone = '+14155550199'`,
      ),
    );
    expect(left[0]?.n).toBe(0);
  });
});
