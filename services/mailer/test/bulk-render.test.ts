import { describe, expect, it } from 'vitest';
import { fillPlaceholders, plainTextToHtml, renderBulkEmail } from '../src/domain/render-bulk-email.js';

describe('bulk email rendering', () => {
  it('fills known fields, empties unknown ones and missing ones', () => {
    expect(
      fillPlaceholders('Hi {{first_name}}, {{ club_name }}!{{password}}{{email}}', {
        first_name: 'Ann',
        club_name: 'Chess',
      }),
    ).toBe('Hi Ann, Chess!');
  });

  it('HTML: escaped, paragraphs and line breaks kept, http(s) URLs linked without trailing punctuation', () => {
    const html = plainTextToHtml(
      'Hi <b>you</b> & co,\n\nRead https://x.org/a?b=1&c=2.\nThen javascript:alert(1)\r\n\r\n\r\nBye',
    );
    expect(html).toBe(
      '<p>Hi &lt;b&gt;you&lt;/b&gt; &amp; co,</p>\n' +
        '<p>Read <a href="https://x.org/a?b=1&amp;c=2">https://x.org/a?b=1&amp;c=2</a>.<br />\nThen javascript:alert(1)</p>\n' +
        '<p>Bye</p>',
    );
    expect(plainTextToHtml('see "https://x.org/q"')).toContain('<a href="https://x.org/q">');
  });

  it('a hostile field value is escaped in the HTML and kept as is in the text and subject', async () => {
    const name = '<script>alert(1)</script>';
    const email = await renderBulkEmail({
      subject: 'Hello {{first_name}}',
      body: 'Dear {{first_name}},\n\nOur page: {{club_url}}',
      clubName: 'Chess & Go',
      fields: { first_name: name, club_url: 'https://sproul.club/club/chess' },
      unsubscribeUrl: 'https://sproul.club/api/mail/unsubscribe?a=x&c=club%3A1&s=y',
    });
    expect(email.subject).toBe(`Hello ${name}`);
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('Dear &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(email.html).toContain('<a href="https://sproul.club/club/chess">');
    expect(email.html).toContain('Chess &amp; Go');
    expect(email.html).toContain('>Unsubscribe</a>');
    expect(email.html).toContain('sproul.club@gmail.com');
    expect(email.text).toContain(`Dear ${name},\n\nOur page: https://sproul.club/club/chess`);
    expect(email.text).toContain(
      'Unsubscribe from these emails: https://sproul.club/api/mail/unsubscribe?a=x',
    );
    expect(email.text).toContain('The officers of Chess & Go sent you this email');
  });
});
