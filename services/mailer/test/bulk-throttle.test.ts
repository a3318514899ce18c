import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailProvider } from '../src/index.js';
import { bulkOn, manualClock, recipient } from './bulk-harness.js';
import { address, type MailerHarness, startMailerHarness } from './mailer-harness.js';

const RATE = 4;

describe('bulk email throttle and fairness (a clock moved by hand)', () => {
  const clock = manualClock();
  /** When (on the mailer's clock) the provider was handed each email, and to whom. */
  const sends: { to: string; at: number }[] = [];
  const recording = (real: MailProvider): MailProvider => ({
    ...real,
    send: (email) => {
      sends.push({ to: email.to, at: clock.now().getTime() });
      return real.send(email);
    },
  });
  let h: MailerHarness;
  let bulk: ReturnType<typeof bulkOn>;
  beforeAll(async () => {
    const config = { MAIL_BULK_TICK_MS: '0', MAIL_BULK_RATE_PER_S: String(RATE) };
    h = await startMailerHarness('embedded', config, { provider: recording }, clock.now);
    bulk = bulkOn(h);
  });
  afterAll(() => h?.close());

  it('sends at most MAIL_BULK_RATE_PER_S in any second, across senders, round-robin between jobs', async () => {
    const big = Array.from({ length: 10 }, () => address());
    const small = Array.from({ length: 3 }, () => address());
    const first = await bulk.request({ recipients: big.map((to) => recipient(to)) });
    const second = await bulk.request({ recipients: small.map((to) => recipient(to)) });
    const replica = await h.replica();

    // Three senders in the same second: one rate's worth between them.
    await Promise.all([bulk.send(), bulk.send(), replica.service.jobs.run('send-bulk-email')]);
    expect(sends).toHaveLength(RATE);
    // Fair: the small job is not stuck behind the big one.
    expect(sends.filter((s) => small.includes(s.to))).toHaveLength(2);
    await bulk.send();
    expect(sends).toHaveLength(RATE);

    clock.advance(999);
    await bulk.send();
    expect(sends).toHaveLength(RATE); // the second is not over yet
    clock.advance(1);
    await bulk.send();
    expect(sends).toHaveLength(2 * RATE);
    expect(sends.filter((s) => small.includes(s.to))).toHaveLength(3);

    await bulk.drain(first.data.bulkId, () => clock.advance(250));
    expect(sends).toHaveLength(13);
    for (const send of sends) {
      const inWindow = sends.filter((other) => other.at >= send.at && other.at < send.at + 1000);
      expect(inWindow.length).toBeLessThanOrEqual(RATE);
    }
    expect((await bulk.status(second.data.bulkId))?.finishedAt).not.toBeNull();
  });
});
