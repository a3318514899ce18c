import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevMail, devMailTo, linkIn } from './support/mail.js';
import { registerOfficer } from './support/officer.js';
import { type Api, startTestPlatform, type TestPlatform } from './support/platform.js';

const ADMIN = { email: 'admin@campus.test', password: 'Admin-pass-42!' };
const OFFICER = { email: 'chess@berkeley.edu', password: 'Chess-4-ever!' };

/**
 * `npm start`'s composition, used as a newcomer would: every link comes out of an email read at
 * /_dev/mail.json (the SES emulator's store), never off the bus.
 */
describe('emails through the embedded platform', () => {
  let testPlatform: TestPlatform;
  let api: Api;
  let base: string;

  const mailTo = (to: string, subject: string) => devMailTo(base, to, subject);

  beforeAll(async () => {
    testPlatform = await startTestPlatform('mail', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      FRONTEND_BASE_URL: 'http://web.test',
    });
    api = testPlatform.api;
    base = testPlatform.platform.url;
  }, 60_000);
  afterAll(() => testPlatform?.stop());

  it('RSO list → register → confirmation email → confirm → login', async () => {
    const register = await registerOfficer(api, ADMIN, { ...OFFICER, club: 'Chess Club' });
    expect(register.status).toBe(200);

    const mail = await mailTo(OFFICER.email, 'Please confirm your email');
    expect(mail.html).toContain('Start using sproul.club');
    expect(mail.html).toContain('Verify Email');
    expect(mail.text).toContain('sproul.club@gmail.com');
    const confirm = await fetch(linkIn(mail, /http:\/\/\S+\/api\/user\/confirm\/\S+/), {
      redirect: 'manual',
    });
    expect(confirm.status).toBe(302);
    expect(confirm.headers.get('location')).toBe('http://web.test/signin?confirmed=true');
    const login = await api('/api/user/login', { body: OFFICER });
    expect(login.status).toBe(200);
    expect(login.body.access).toEqual(expect.any(String));
  });

  it('request-reset → email → the reset works once and only once', async () => {
    expect((await api('/api/user/request-reset', { body: { email: OFFICER.email } })).status).toBe(200);
    const mail = await mailTo(OFFICER.email, 'Reset your password');
    expect(mail.html).toContain('Reset Your Password');
    const link = linkIn(mail, /http:\/\/web\.test\/resetpassword\?token=\S+/);
    const token = new URL(link).searchParams.get('token')!;
    const password = 'New-chess-pass-7!';
    expect((await api('/api/user/confirm-reset', { body: { token, password } })).status).toBe(200);
    const again = await api('/api/user/confirm-reset', { body: { token, password: 'Other-pass-8!' } });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
    expect((await api('/api/user/login', { body: { email: OFFICER.email, password } })).status).toBe(200);
    OFFICER.password = password;
  });

  it('magic link → email → signs in once and only once', async () => {
    expect((await api('/api/user/magic-link', { body: { email: OFFICER.email } })).status).toBe(200);
    const mail = await mailTo(OFFICER.email, 'Your sign-in link for sproul.club');
    const link = linkIn(mail, /http:\/\/\S+\/api\/user\/magic-link\/\S+/);
    const first = await api(new URL(link).pathname);
    expect(first.status).toBe(200);
    expect(first.body.access).toEqual(expect.any(String));
    expect((await api(new URL(link).pathname)).status).toBe(404);
  });

  it("bulk mail's unsubscribe link reaches the mailer without a session (a forged one is refused)", async () => {
    const forged = await api('/api/mail/unsubscribe?a=eEB4Lm9yZw&c=event-message&s=forged', {
      method: 'POST',
    });
    expect(forged).toMatchObject({ status: 400, body: { reason: 'This unsubscribe link is not valid.' } });
  });

  it('the sent-mail page lists every email, rendered in a sandboxed frame', async () => {
    const page = await fetch(`${base}/_dev/mail`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html.match(/<iframe sandbox /g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('Please confirm your email');
    const list = (await (await fetch(`${base}/_dev/mail.json`)).json()) as DevMail[];
    const times = list.map((mail) => mail.sentAt);
    expect(times).toEqual([...times].sort().reverse());
  });
});
