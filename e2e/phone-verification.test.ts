import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devMailTo } from './support/mail.js';
import { type Api, startTestPlatform, type TestPlatform } from './support/platform.js';
import { signUpStudent } from './support/student.js';

const STUDENT = { email: 'phoebe@berkeley.edu', password: 'Phoebe-texts-2026!', name: 'Phoebe Phone' };
const NUMBER = '+14155550123';

// Issue 21's phone verification on `npm start`'s composition, through the gateway only: the code is
// read from the local inbox (/_dev/mail.json), where the dev SMS sender puts each text message.
describe('verifying a phone number by SMS end to end (embedded platform)', () => {
  let testPlatform: TestPlatform;
  let api: Api;
  let base: string;
  let token: string;

  beforeAll(async () => {
    testPlatform = await startTestPlatform('phone');
    api = testPlatform.api;
    base = testPlatform.platform.url;
    token = await signUpStudent(api, base, STUDENT);
  }, 90_000);
  afterAll(() => testPlatform?.stop());

  it('refuses anonymous callers', async () => {
    expect((await api('/api/user/phone')).status).toBe(401);
    expect((await api('/api/user/phone', { body: { phone: NUMBER } })).status).toBe(401);
  });

  it('sends the code as an SMS into the local inbox, and the code from there verifies the number', async () => {
    const sent = await api('/api/user/phone', { token, body: { phone: NUMBER } });
    expect(sent).toMatchObject({ status: 202, body: { verified: false, pending: { phone: NUMBER } } });
    const sms = await devMailTo(base, '14155550123@sms.invalid', `SMS to ${NUMBER}`);
    const code = /\b(\d{6})\b/.exec(sms.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const verified = await api('/api/user/phone/verify', { token, body: { code } });
    expect(verified).toMatchObject({ status: 200, body: { phone: NUMBER, verified: true, pending: null } });
    expect(await api('/api/user/phone', { token })).toMatchObject({
      status: 200,
      body: { phone: NUMBER, verified: true },
    });
    expect(
      testPlatform.events.some(
        (e) => e.type === 'PhoneNumberChanged' && (e.data as { phone: string }).phone === NUMBER,
      ),
    ).toBe(true);
  });

  it('removes the number', async () => {
    expect(await api('/api/user/phone', { token, method: 'DELETE' })).toMatchObject({
      status: 200,
      body: { phone: null, verified: false },
    });
  });
});
