import { eventually } from '@sproul/common/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { MailProvider } from '../src/index.js';
import { address, type MailerHarness, startMailerHarness } from './mailer-harness.js';

const MAGIC = { magic_url: 'http://127.0.0.1:8080/api/user/magic-link/tok' };

/** SES accepts the first email, then the process "dies" before the log says sent. */
const dyingAfterFirstSend =
  (override: Partial<MailProvider> = {}) =>
  (real: MailProvider): MailProvider => {
    let died = false;
    return {
      ...real,
      async send(email) {
        const accepted = await real.send(email);
        if (!died) {
          died = true;
          throw new Error('process died between the SES call and recording it');
        }
        return accepted;
      },
      ...override,
    };
  };

describe('a delivery left "sending" (a crash between the SES call and the log)', () => {
  let h: MailerHarness | undefined;
  afterEach(() => h?.close());

  it('is found in the emulator by its X-Sproul-Delivery marker and not sent again', async () => {
    h = await startMailerHarness('embedded', {}, { provider: dyingAfterFirstSend() });
    const to = address();
    const event = await h.request(to, 'magic-link', MAGIC);
    const row = await eventually(async () => {
      const found = await h!.logRow(event.id);
      return found?.status === 'sent' ? found : undefined;
    });
    const [email] = await h.inbox(to);
    expect(row.providerMessageId).toBe(email!.messageId);
    expect(await h.inbox(to)).toHaveLength(1);
  });

  it('with a provider that cannot tell (real SES), is sent again: at-least-once in that window', async () => {
    h = await startMailerHarness(
      'embedded',
      {},
      {
        provider: dyingAfterFirstSend({ wasAccepted: async () => 'unknown' }),
      },
    );
    const to = address();
    const event = await h.request(to, 'magic-link', MAGIC);
    await eventually(async () => (await h!.logRow(event.id))?.status === 'sent');
    expect(await h.inbox(to)).toHaveLength(2);
  });
});
