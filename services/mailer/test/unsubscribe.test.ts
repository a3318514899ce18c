import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { mimeMessage } from '../src/data-access/mime-message.js';
import { readUnsubscribeLink, unsubscribeUrl } from '../src/domain/unsubscribe-links.js';

const config = configSchema.parse({
  PUBLIC_BASE_URL: 'https://sproul.club',
  UNSUBSCRIBE_SECRET: 'a-secret-of-16-chars-or-more',
});
const email = {
  deliveryId: '0b7c3f4e-3a56-4c4e-9b1e-1a2b3c4d5e6f',
  from: '"sproul.club" <no-reply@sproul.club>',
  to: 'Ann@x.org',
  subject: 'Événement',
  html: '<html><body><p>hi</p></body></html>',
  text: 'hi',
};

describe('unsubscribe links and headers (bulk mail)', () => {
  it('a signed link names the address and category; altered, it names nothing', () => {
    const link = new URL(unsubscribeUrl({ config }, 'Ann@x.org', 'event-message'));
    expect(link.origin + link.pathname).toBe('https://sproul.club/api/mail/unsubscribe');
    const query = Object.fromEntries(link.searchParams) as { a: string; c: string; s: string };
    expect(readUnsubscribeLink(config, query)).toEqual({ address: 'ann@x.org', category: 'event-message' });
    expect(readUnsubscribeLink(config, { ...query, c: 'all' })).toBeUndefined();
    const other = Buffer.from('bob@x.org').toString('base64url');
    expect(readUnsubscribeLink(config, { ...query, a: other })).toBeUndefined();
  });

  it('bulk mail carries List-Unsubscribe and one-click; transactional mail does not', () => {
    const bulk = mimeMessage({
      ...email,
      unsubscribeUrl: 'https://sproul.club/api/mail/unsubscribe?a=x&c=y&s=z',
    });
    expect(bulk).toContain('List-Unsubscribe: <https://sproul.club/api/mail/unsubscribe?a=x&c=y&s=z>\r\n');
    expect(bulk).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n');
    const single = mimeMessage(email);
    expect(single).not.toContain('List-Unsubscribe');
    expect(single).toContain(`X-Sproul-Delivery: ${email.deliveryId}\r\n`);
    expect(single).toContain(`Subject: =?UTF-8?B?${Buffer.from('Événement').toString('base64')}?=\r\n`);
  });

  it('nothing an event carries can add a header', () => {
    const raw = mimeMessage({ ...email, subject: 'Hi\r\nBcc: all@x.org' });
    expect(raw).not.toMatch(/^Bcc:/m);
  });
});
