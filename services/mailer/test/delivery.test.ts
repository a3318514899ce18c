import { eventually, storageKinds } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { address, type MailerHarness, startMailerHarness } from './mailer-harness.js';

describe.each(await storageKinds())('delivering EmailRequested (%s)', (kind) => {
  let h: MailerHarness;
  beforeAll(async () => {
    h = await startMailerHarness(kind);
  });
  afterAll(() => h?.close());

  it('sends the confirmation email with its link, logs it sent, publishes EmailSent', async () => {
    const to = address();
    const link = 'http://127.0.0.1:8080/api/user/confirm/tok-123';
    const event = await h.request(to, 'confirm-email', { confirm_url: link });
    const [email] = await eventually(async () => {
      const got = await h.inbox(to);
      return got.length ? got : undefined;
    });
    expect(email!.subject).toBe('Please confirm your email');
    expect(email!.body.html).toContain(`href="${link}"`);
    expect(email!.body.html).toContain('Verify Email');
    expect(email!.body.text).toContain(link);
    const row = await eventually(async () => {
      const found = await h.logRow(event.id);
      return found?.status === 'sent' ? found : undefined;
    });
    expect(row).toMatchObject({
      to,
      template: 'confirm-email',
      attempts: 1,
      providerMessageId: email!.messageId,
    });
    await eventually(() => h.mailer.published('EmailSent').some((sent) => sent.requestId === event.id));
  });

  it('sends once when copies of one event arrive together (a relay that published twice)', async () => {
    const to = address();
    const event = await h.request(to, 'magic-link', {
      magic_url: 'http://127.0.0.1:8080/api/user/magic-link/m',
    });
    await h.mailer.bus.publish([event, event, event]);
    await eventually(async () => (await h.logRow(event.id))?.status === 'sent');
    await (h.mailer.bus as { idle?: () => Promise<void> }).idle?.();
    expect(await h.inbox(to)).toHaveLength(1);
  });

  it('sends nothing twice when the same event is delivered again', async () => {
    const to = address();
    const event = await h.request(to, 'reset-password', {
      reset_pass_url: 'http://localhost:3000/resetpassword?token=t',
    });
    await eventually(async () => (await h.logRow(event.id))?.status === 'sent');
    await h.mailer.bus.publish([event, event]);
    await h.mailer.bus.publish([event]);
    await (h.mailer.bus as { idle?: () => Promise<void> }).idle?.();
    expect(await h.inbox(to)).toHaveLength(1);
    expect(h.mailer.published('EmailSent').filter((sent) => sent.requestId === event.id)).toHaveLength(1);
  });
});
