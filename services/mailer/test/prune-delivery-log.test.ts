import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveries } from '../src/data-access/schema.js';
import { address, type MailerHarness, startMailerHarness } from './mailer-harness.js';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

describe('the delivery log keeps rows MAIL_LOG_RETENTION_DAYS (30 here)', () => {
  let h: MailerHarness;
  beforeAll(async () => {
    h = await startMailerHarness('embedded', { MAIL_LOG_RETENTION_DAYS: '30' });
  });
  afterAll(() => h?.close());

  it('forgets final rows older than that, keeps recent ones and those still in doubt', async () => {
    const row = (status: 'sent' | 'failed' | 'sending', age: number) => ({
      id: randomUUID(),
      to: address(),
      template: 'reset-password',
      subject: 'Reset your password',
      status,
      attempts: 1,
      createdAt: daysAgo(age),
    });
    const rows = [row('sent', 31), row('failed', 45), row('sending', 40), row('sent', 29)];
    await h.mailer.db.insert(deliveries).values(rows);
    await h.mailer.service.jobs.run('prune-delivery-log');
    const left = await Promise.all(rows.map((r) => h.logRow(r.id)));
    expect(left.map((r) => r?.status)).toEqual([undefined, undefined, 'sending', 'sent']);
  });
});
