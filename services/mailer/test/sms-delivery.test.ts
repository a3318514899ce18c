import { randomUUID } from 'node:crypto';
import { makeEvent, SmsRequestedV1 } from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsInboxAddress } from '../src/data-access/dev-sms-sender.js';
import { type MailerHarness, startMailerHarness } from './mailer-harness.js';

/** A fresh number per test: the emulator's store is one per process. */
const number = () => `+1415${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;

describe('delivering SmsRequested through the dev SMS sender', () => {
  let h: MailerHarness;
  beforeAll(async () => {
    h = await startMailerHarness('embedded');
  });
  afterAll(() => h?.close());

  const sms = (to: string, text: string) =>
    makeEvent(SmsRequestedV1, { to, text, purpose: 'phone-code', userId: randomUUID() }, 'auth');

  it('puts the text into the local inbox as `SMS to +…`, and logs it sent without the text', async () => {
    const to = number();
    const event = sms(to, '123456 is your sproul.club verification code.');
    await h.mailer.bus.publish([event]);
    const [message] = await eventually(async () => {
      const got = await h.inbox(smsInboxAddress(to));
      return got.length ? got : undefined;
    });
    expect(message!.subject).toBe(`SMS to ${to}`);
    expect(message!.body.text).toContain('123456 is your sproul.club verification code.');
    const row = await h.settled(event.id, 'sent');
    expect(row).toMatchObject({ to, template: 'sms:phone-code', subject: `SMS to ${to}`, attempts: 1 });
    expect(JSON.stringify(row)).not.toContain('123456');
    expect(h.mailer.published('EmailSent').some((sent) => sent.requestId === event.id)).toBe(false);
  });

  it('sends once when copies of one event arrive, together or later', async () => {
    const to = number();
    const event = sms(to, '654321 is your sproul.club verification code.');
    await h.mailer.bus.publish([event, event]);
    await h.settled(event.id, 'sent');
    await h.mailer.bus.publish([event]);
    const marker = sms(to, 'after');
    await h.mailer.bus.publish([marker]);
    await h.settled(marker.id, 'sent');
    const got = await h.inbox(smsInboxAddress(to));
    expect(got.filter((m) => m.body.text?.includes('654321'))).toHaveLength(1);
  });
});
