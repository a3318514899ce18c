import { eventually, storageKinds } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANGING, REJECTED, SERVER_ERROR, THROTTLED } from './fault-front.js';
import { address, type MailerHarness, startMailerHarness } from './mailer-harness.js';

const RESET = { reset_pass_url: 'http://localhost:3000/resetpassword?token=abc' };

// The emulator behind a front that answers what SES answers when it throttles, fails or refuses.
describe.each(await storageKinds())('SES failures (%s)', (kind) => {
  let h: MailerHarness;
  beforeAll(async () => {
    h = await startMailerHarness(kind, { MAIL_PER_ADDRESS_PER_HOUR: '3', MAIL_SES_TIMEOUT_MS: '2000' });
  });
  afterAll(() => h?.close());

  const settled = (id: string, status: string) => h.settled(id, status);

  it('throttling and a 500 are retried with delays, then the email goes out once', async () => {
    const to = address();
    const before = h.front.sends();
    h.front.inject(THROTTLED, SERVER_ERROR);
    const event = await h.request(to, 'reset-password', RESET);
    const row = await settled(event.id, 'sent');
    expect(row.attempts).toBe(3);
    expect(h.front.sends() - before).toBe(3);
    expect(await h.inbox(to)).toHaveLength(1);
  });

  it('a call SES never answers times out and is retried', async () => {
    const to = address();
    h.front.inject(HANGING);
    const event = await h.request(to, 'reset-password', RESET);
    const row = await settled(event.id, 'sent');
    expect(row.attempts).toBe(2);
    expect(await h.inbox(to)).toHaveLength(1);
  });

  it('a permanent rejection is logged failed, published as EmailFailed and dead-lettered', async () => {
    const to = address();
    h.front.inject(REJECTED);
    const event = await h.request(to, 'reset-password', RESET);
    const row = await settled(event.id, 'failed');
    expect(row.error).toContain('MessageRejected');
    expect(row.attempts).toBe(1);
    const dead = await eventually(async () => {
      const letters = await h.mailer.bus.takeDeadLetters('mailer');
      return letters.find((letter) => (letter.body as { id: string }).id === event.id);
    });
    expect(dead.error).toContain('MessageRejected');
    await eventually(() =>
      h.mailer
        .published<{ requestId: string; reason: string }>('EmailFailed')
        .find((f) => f.requestId === event.id),
    ).then((failed) => expect(failed.reason).toBe('rejected'));
    expect(await h.inbox(to)).toHaveLength(0);
  });

  it('an address still throttled after every attempt ends failed in the log and dead-lettered', async () => {
    const to = address();
    h.front.inject(THROTTLED, THROTTLED, THROTTLED, THROTTLED);
    const event = await h.request(to, 'reset-password', RESET);
    const row = await settled(event.id, 'failed');
    expect(row.attempts).toBe(4);
    await eventually(async () =>
      (await h.mailer.bus.takeDeadLetters('mailer')).some((l) => (l.body as { id: string }).id === event.id),
    );
    expect(await h.inbox(to)).toHaveLength(0);
  });

  it('past the per-address limit, emails are logged limited and not sent', async () => {
    const to = address();
    const events = [];
    for (let i = 0; i < 5; i++) events.push(await h.request(to, 'reset-password', RESET));
    const rows = await Promise.all(
      events.map((event) =>
        eventually(async () => {
          const row = await h.logRow(event.id);
          return row && row.status !== 'sending' && row.status !== 'queued' ? row : undefined;
        }),
      ),
    );
    expect(rows.map((row) => row.status).sort()).toEqual(['limited', 'limited', 'sent', 'sent', 'sent']);
    expect(await h.inbox(to)).toHaveLength(3);
  });

  it('an email that cannot be rendered (a link that is not http) fails for good, once', async () => {
    const to = address();
    const event = await h.request(to, 'reset-password', { reset_pass_url: 'javascript:alert(1)' });
    const row = await settled(event.id, 'failed');
    expect(row.error).toContain('not an http(s) link');
    await h.mailer.bus.publish([event]);
    await (h.mailer.bus as unknown as { idle(): Promise<void> }).idle();
    expect(
      h.mailer.published<{ requestId: string }>('EmailFailed').filter((f) => f.requestId === event.id),
    ).toHaveLength(1);
  });
});
