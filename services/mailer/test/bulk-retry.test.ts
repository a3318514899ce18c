import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimBulkBatch } from '../src/domain/claim-bulk-batch.js';
import { bulkOn, manualClock, recipient } from './bulk-harness.js';
import { REJECTED, THROTTLED } from './fault-front.js';
import { address, type MailerHarness, startMailerHarness } from './mailer-harness.js';

describe('bulk email: provider failures, back-off and crashed senders (a clock moved by hand)', () => {
  const clock = manualClock();
  let h: MailerHarness;
  let bulk: ReturnType<typeof bulkOn>;
  beforeAll(async () => {
    const config = {
      MAIL_BULK_TICK_MS: '0',
      MAIL_BULK_RATE_PER_S: '50',
      MAIL_BULK_RETRY_BASE_MS: '1000',
      MAIL_BULK_MAX_ATTEMPTS: '3',
      MAIL_SES_TIMEOUT_MS: '1000',
      MAIL_BULK_CLAIM_TIMEOUT_MS: '60000',
    };
    h = await startMailerHarness('embedded', config, {}, clock.now);
    bulk = bulkOn(h);
  });
  afterAll(() => h?.close());

  it('a throttled send waits out its back-off, then goes out once', async () => {
    const to = address();
    const event = await bulk.request({ recipients: [recipient(to)] });
    const { bulkId } = event.data;
    h.front.inject(THROTTLED);
    await bulk.send();
    let status = await bulk.status(bulkId);
    expect(status?.recipients[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(status?.recipients[0]?.error).toContain('Throttling');
    clock.advance(999);
    await bulk.send();
    expect((await bulk.status(bulkId))?.recipients[0]?.attempts).toBe(1); // still backing off
    clock.advance(1);
    await bulk.send();
    status = await bulk.status(bulkId);
    expect(status?.recipients[0]).toMatchObject({ status: 'sent', attempts: 2, error: null });
    expect(status?.finishedAt).not.toBeNull();
    expect(await h.inbox(to)).toHaveLength(1);
    expect(await bulk.reported(bulkId, 1)).toEqual([{ to, outcome: 'sent', error: null }]);
  });

  it('a rejection fails for good at once; transient failures fail after MAIL_BULK_MAX_ATTEMPTS', async () => {
    const event = await bulk.request({ recipients: [recipient(address()), recipient(address())] });
    const { bulkId } = event.data;
    h.front.inject(REJECTED, THROTTLED); // concurrency sends both at once: the order is not known
    await bulk.send();
    clock.advance(1000);
    h.front.inject(THROTTLED);
    await bulk.send();
    clock.advance(2000);
    h.front.inject(THROTTLED);
    await bulk.send();
    const status = await bulk.status(bulkId);
    expect(status?.counts).toEqual({ failed: 2 });
    expect(status?.finishedAt).not.toBeNull();
    const outcomes = await bulk.reported(bulkId, 2);
    expect(outcomes.map((o) => o.outcome)).toEqual(['failed', 'failed']);
    expect(outcomes.map((o) => o.error).join(' ')).toContain('MessageRejected');
    expect(status?.recipients.map((r) => r.attempts).sort()).toEqual([1, 3]);
  });

  it("a crashed sender's claim is taken over after the timeout, asking the provider first", async () => {
    const [handed, lost] = [address(), address()];
    const event = await bulk.request({ recipients: [recipient(handed), recipient(lost)] });
    const { bulkId } = event.data;
    // A sender claims both, hands one to the provider, and dies before recording anything.
    const { recipients } = await claimBulkBatch(h.mailer.context, randomUUID());
    const row = recipients.find((r) => r.email === handed)!;
    await h.mailer.context.provider.send({
      deliveryId: row.deliveryId,
      from: 'no-reply@sproul.club',
      to: handed,
      subject: 'News',
      html: '<p>News</p>',
      text: 'News',
    });
    await bulk.send();
    expect((await bulk.status(bulkId))?.counts).toEqual({ sending: 2 }); // the claim is not stale yet
    clock.advance(60_001);
    await bulk.send();
    expect((await bulk.status(bulkId))?.counts).toEqual({ sent: 2 });
    expect(await h.inbox(handed)).toHaveLength(1); // found by its marker, not sent again
    expect(await h.inbox(lost)).toHaveLength(1);
    const outcomes = await bulk.reported(bulkId, 2);
    expect(outcomes.map((o) => o.to).sort()).toEqual([handed, lost].sort());
  });
});
