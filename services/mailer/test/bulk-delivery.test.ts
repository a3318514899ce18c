import { storageKinds } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkOn, recipient } from './bulk-harness.js';
import { address, type MailerHarness, startMailerHarness } from './mailer-harness.js';

// The sender is driven by hand (tick 0); the rate is high enough not to get in the way here.
const CONFIG = { MAIL_BULK_TICK_MS: '0', MAIL_BULK_RATE_PER_S: '50' };

describe.each(await storageKinds())('bulk email: each recipient once (%s)', (kind) => {
  let h: MailerHarness;
  let bulk: ReturnType<typeof bulkOn>;
  beforeAll(async () => {
    h = await startMailerHarness(kind, CONFIG);
    bulk = bulkOn(h);
  });
  afterAll(() => h?.close());

  it('sends once per address when the event arrives twice and an address is listed twice', async () => {
    const [a, b, c] = [address(), address(), address()];
    const recipients = [recipient(a), recipient(b), recipient(c), recipient(a.toUpperCase())];
    const event = await bulk.request({ recipients }, 2);
    // The same event again later, after it was stored: the inbox drops it.
    await h.mailer.bus.publish([event]);
    await (h.mailer.bus as { idle?: () => Promise<void> }).idle?.();
    const status = await bulk.drain(event.data.bulkId);
    expect(status.counts).toEqual({ sent: 3 });
    expect(status.recipients.map((r) => r.attempts)).toEqual([1, 1, 1]);
    for (const to of [a, b, c]) expect(await h.inbox(to)).toHaveLength(1);
    const outcomes = await bulk.reported(event.data.bulkId, 3);
    expect(outcomes.map((o) => o.to).sort()).toEqual([a, b, c].sort());
    expect(outcomes.every((o) => o.outcome === 'sent' && o.error === null)).toBe(true);
  });

  it('two mailer instances sending at once never send one recipient twice', async () => {
    const replica = await h.replica();
    const runOn = (instance: typeof replica) => instance.service.jobs.run('send-bulk-email');
    const addresses = Array.from({ length: 40 }, () => address());
    const event = await bulk.request({ recipients: addresses.map((to) => recipient(to)) });
    const { bulkId } = event.data;
    // Between the harness's own runs, three more start at once: two on the replica, one here.
    const runs: Promise<void>[] = [];
    await bulk.drain(bulkId, () => {
      runs.push(runOn(replica), runOn(replica), runOn(h.mailer));
    });
    await Promise.all(runs);
    const status = await bulk.status(bulkId);
    expect(status?.counts).toEqual({ sent: 40 });
    const received = await Promise.all(addresses.map((to) => h.inbox(to)));
    expect(received.map((emails) => emails.length)).toEqual(addresses.map(() => 1));
    const outcomes = await bulk.reported(bulkId, 40);
    expect(new Set(outcomes.map((o) => o.to)).size).toBe(40);
    expect(outcomes).toHaveLength(40);
  });
});
