import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkOn, recipient, unsubscribeLinkOf } from './bulk-harness.js';
import { address, type MailerHarness, startMailerHarness } from './mailer-harness.js';

const RESET = { reset_pass_url: 'http://localhost:3000/resetpassword?token=abc' };

describe('bulk email: suppressed and unsubscribed addresses', () => {
  let h: MailerHarness;
  let bulk: ReturnType<typeof bulkOn>;
  beforeAll(async () => {
    h = await startMailerHarness('embedded', { MAIL_BULK_TICK_MS: '0', MAIL_BULK_RATE_PER_S: '50' });
    bulk = bulkOn(h);
  });
  afterAll(() => h?.close());

  it('a bounced address is skipped and reported suppressed', async () => {
    const [bounced, fine] = [address(), address()];
    const bounce = {
      notificationType: 'Bounce',
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: bounced }] },
    };
    expect((await h.mailer.client('/internal/ses-notifications', { body: bounce })).status).toBe(200);
    const event = await bulk.request({ recipients: [recipient(bounced), recipient(fine)] });
    const status = await bulk.drain(event.data.bulkId);
    expect(status.counts).toEqual({ sent: 1, suppressed: 1 });
    expect(await h.inbox(bounced)).toHaveLength(0);
    expect(await h.inbox(fine)).toHaveLength(1);
    const outcomes = await bulk.reported(event.data.bulkId, 2);
    expect(outcomes).toContainEqual({ to: bounced, outcome: 'suppressed', error: null });
  });

  it("one click unsubscribes from that club's bulk mail only: not another club's, not a password reset", async () => {
    const to = address();
    const [clubX, clubY] = [randomUUID(), randomUUID()];
    const first = await bulk.request({ clubId: clubX, recipients: [recipient(to)] });
    await bulk.drain(first.data.bulkId);
    const [email] = await h.inbox(to);
    const link = new URL(unsubscribeLinkOf(email!));
    expect(link.searchParams.get('c')).toBe(`club:${clubX}`);
    const page = await fetch(h.mailer.url(`${link.pathname}${link.search}`));
    expect(await page.text()).toContain("this club's emails");
    // RFC 8058's one-click POST, as a mailbox provider sends it.
    const post = await fetch(h.mailer.url(`${link.pathname}${link.search}`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);

    const again = await bulk.request({ clubId: clubX, recipients: [recipient(to)] });
    expect((await bulk.drain(again.data.bulkId)).counts).toEqual({ unsubscribed: 1 });
    expect(await bulk.reported(again.data.bulkId, 1)).toEqual([{ to, outcome: 'unsubscribed', error: null }]);
    expect(await h.inbox(to)).toHaveLength(1);

    const other = await bulk.request({ clubId: clubY, recipients: [recipient(to)] });
    expect((await bulk.drain(other.data.bulkId)).counts).toEqual({ sent: 1 });
    const reset = await h.request(to, 'reset-password', RESET);
    await h.settled(reset.id, 'sent');
    expect(await h.inbox(to)).toHaveLength(3);
  });

  it('an unknown bulk id is a 404, a malformed one a 400', async () => {
    const missing = await h.mailer.client(`/internal/bulk/${randomUUID()}`);
    expect(missing).toMatchObject({ status: 404, body: { status: 'error' } });
    expect((await h.mailer.client('/internal/bulk/not-a-uuid')).status).toBe(400);
  });
});
