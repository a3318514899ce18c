import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suppressionList } from '../src/data-access/suppression-repository.js';
import { unsubscribeUrl } from '../src/domain/unsubscribe-links.js';
import { address, type MailerHarness, startMailerHarness } from './mailer-harness.js';

const CONFIRM = { confirm_url: 'http://127.0.0.1:8080/api/user/confirm/t' };

describe('suppression list', () => {
  let h: MailerHarness;
  beforeAll(async () => {
    h = await startMailerHarness();
  });
  afterAll(() => h?.close());

  it('a permanent bounce (SNS-wrapped) suppresses the address: its next email is logged suppressed, not sent', async () => {
    const to = address();
    const bounce = {
      notificationType: 'Bounce',
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: to.toUpperCase() }] },
    };
    // As SNS posts it: the JSON envelope as text/plain.
    const answer = await fetch(h.mailer.url('/internal/ses-notifications'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=UTF-8' },
      body: JSON.stringify({ Type: 'Notification', Message: JSON.stringify(bounce) }),
    });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ status: 'success', suppressed: 1 });
    const event = await h.request(to, 'confirm-email', CONFIRM);
    await eventually(async () => (await h.logRow(event.id))?.status === 'suppressed');
    await eventually(() =>
      h.mailer
        .published<{ requestId: string; reason: string }>('EmailFailed')
        .some((failed) => failed.requestId === event.id && failed.reason === 'suppressed'),
    );
    expect(await h.inbox(to)).toHaveLength(0);
  });

  it('a transient bounce suppresses nothing; a complaint does; other notifications are a 400', async () => {
    const to = address();
    const soft = {
      notificationType: 'Bounce',
      bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: to }] },
    };
    expect((await h.mailer.client('/internal/ses-notifications', { body: soft })).body).toMatchObject({
      suppressed: 0,
    });
    const list = suppressionList(h.mailer.db);
    expect(await list.isSuppressed(to, ['all'])).toBe(false);
    const complaint = {
      notificationType: 'Complaint',
      complaint: { complainedRecipients: [{ emailAddress: to }] },
    };
    expect((await h.mailer.client('/internal/ses-notifications', { body: complaint })).status).toBe(200);
    expect(await list.isSuppressed(to, ['all'])).toBe(true);
    const delivery = await h.mailer.client('/internal/ses-notifications', {
      body: { notificationType: 'Delivery' },
    });
    expect(delivery).toMatchObject({ status: 400, body: { status: 'error' } });
    const notJson = await fetch(h.mailer.url('/internal/ses-notifications'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'not json',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ status: 'error' });
  });

  it('the one-click unsubscribe link suppresses its category only; a forged one is a 400', async () => {
    const to = address();
    const link = new URL(unsubscribeUrl(h.mailer.context, to, 'event-message'));
    const page = await fetch(`${h.mailer.service.url}${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    const list = suppressionList(h.mailer.db);
    expect(await list.isSuppressed(to, ['event-message'])).toBe(false); // opening the link is not enough
    // RFC 8058's one-click POST, as a mailbox provider sends it.
    const post = await fetch(`${h.mailer.service.url}${link.pathname}${link.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);
    // A form anywhere else is still refused.
    const elsewhere = await fetch(h.mailer.url('/internal/ses-notifications'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expect(elsewhere.status).toBe(415);
    expect(await list.isSuppressed(to, ['all', 'event-message'])).toBe(true);
    expect(await list.isSuppressed(to, ['all'])).toBe(false);
    link.searchParams.set('c', 'newsletter');
    const forged = await h.mailer.client(`${link.pathname}${link.search}`, { method: 'POST' });
    expect(forged).toMatchObject({ status: 400, body: { reason: 'This unsubscribe link is not valid.' } });
  });
});
