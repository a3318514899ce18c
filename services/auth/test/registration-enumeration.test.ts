import { fetchJson } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as hasher from '../src/domain/password-hasher.js';
import { type AuthHarness, officerRegistration, startAuth } from './auth-harness.js';

// Counts the argon2id hashes registration does (the real ones still run): the answer's timing is the
// same for a taken and a free address only if both do the same expensive work.
vi.mock('../src/domain/password-hasher.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/domain/password-hasher.js')>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});

// Registering must not tell anyone whether an address already has an account: a taken address gets
// the answer a free one gets, and its owner an email saying someone tried.
describe('registration reveals nothing about existing accounts', () => {
  let auth: AuthHarness;
  beforeAll(async () => {
    auth = await startAuth();
    await auth.allowRso('robotics@berkeley.edu', 'fresh-club@berkeley.edu');
  });
  afterAll(() => auth?.close());

  const hashCalls = () => vi.mocked(hasher.hashPassword).mock.calls.length;
  const mailTo = (email: string, template: string) =>
    auth.events.filter(
      (e) =>
        e.type === 'EmailRequested' &&
        (e.data as { to: string }).to === email &&
        (e.data as { template: string }).template === template,
    );
  async function confirm(email: string) {
    const link = await auth.emailLink(email, 'confirm-email');
    expect((await fetchJson(link.replace('http://api.test', auth.service.url))).status).toBe(302);
  }
  /** One registration: its answer, and how many hashes it computed. */
  async function register(path: string, body: unknown) {
    const before = hashCalls();
    const res = await fetchJson(auth.url(path), { body });
    return { status: res.status, body: res.body, hashes: hashCalls() - before };
  }

  it.each([
    [
      'a member',
      '/api/user/register',
      (email: string) => ({ email, password: 'Member-pass-1!' }),
      'member@example.org',
      'fresh-member@example.org',
    ],
    [
      'a student',
      '/api/student/register',
      (email: string) => ({ email, password: 'Student-pass-1!', name: 'Oski' }),
      'oski@berkeley.edu',
      'fresh-oski@berkeley.edu',
    ],
    [
      'an officer',
      '/api/user/register',
      (email: string) => officerRegistration(email),
      'robotics@berkeley.edu',
      'fresh-club@berkeley.edu',
    ],
  ])(
    '%s: a taken address answers as a free one, with the same hashing, and its owner is told',
    async (_who, path, body, taken, free) => {
      expect((await register(path, body(taken))).status).toBe(200);
      await confirm(taken);
      const before = auth.events.length;

      const again = await register(path, body(taken));
      const fresh = await register(path, body(free));
      expect(again).toEqual(fresh);
      expect(again).toEqual({ status: 200, body: { status: 'success' }, hashes: 1 });

      // The owner learns that someone tried; nothing else is created, sent or changed.
      const told = await vi.waitUntil(() => mailTo(taken, 'account-exists')[0]);
      expect(told.data).toMatchObject({
        to: taken,
        variables: { signin_url: 'http://frontend.test/signin', recover_url: 'http://frontend.test/recover' },
      });
      const forTaken = auth.events
        .slice(before)
        .filter((e) => [(e.data as { to?: string }).to, (e.data as { email?: string }).email].includes(taken))
        .map((e) => e.type);
      expect(forTaken).toEqual(['EmailRequested']);
    },
  );

  it('still refuses a weak password before looking at the address', async () => {
    const taken = await register('/api/user/register', { email: 'member@example.org', password: 'weak' });
    const free = await register('/api/user/register', { email: 'nobody-yet@example.org', password: 'weak' });
    expect(taken).toEqual(free);
    expect(taken.status).toBe(400);
  });
});
