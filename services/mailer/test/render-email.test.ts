import { describe, expect, it } from 'vitest';
import { compileTemplates } from '../src/domain/render-email.js';
import { actionEmail } from '../src/templates/action-email.js';

const render = await compileTemplates();
const hostile = 'https://x.org/t?a=1&b="><script>alert(1)</script>';

describe('email templates (MJML compiled once, handlebars per email)', () => {
  it.each([
    [
      'confirm-email',
      { confirm_url: 'https://x.org/api/user/confirm/t1' },
      'Please confirm your email',
      'Verify Email',
    ],
    [
      'reset-password',
      { reset_pass_url: 'https://web.x/resetpassword?token=t2' },
      'Reset your password',
      'Reset Password',
    ],
    [
      'magic-link',
      { magic_url: 'https://x.org/api/user/magic-link/t3' },
      'Your sign-in link for sproul.club',
      'Sign In',
    ],
    [
      'account-exists',
      { signin_url: 'https://web.x/signin', recover_url: 'https://web.x/recover' },
      'You already have a sproul.club account',
      'Sign In',
    ],
  ] as const)(
    '%s: subject, button, every link in HTML and text, the contact footer',
    (name, variables, subject, button) => {
      const email = render(name, variables);
      expect(email.subject).toBe(subject);
      expect(email.html).toContain(button);
      expect(email.html).toMatch(/^<!doctype html>/i);
      for (const link of Object.values(variables)) {
        expect(email.html).toContain(`href="${link.replaceAll('=', '&#x3D;')}"`);
        expect(email.text).toContain(link);
      }
      expect(email.html).toContain('sproul.club@gmail.com');
      expect(email.text).toContain('sproul.club@gmail.com');
      expect(email.text).not.toMatch(/<[a-z]/i);
      expect(email.html).not.toContain('Unsubscribe');
    },
  );

  it('escapes values in the HTML (a link cannot close its attribute), not in the text', () => {
    const email = render('confirm-email', { confirm_url: hostile });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&quot;&gt;&lt;script&gt;');
    expect(email.text).toContain(hostile);
  });

  it('refuses a missing variable and a link that is not http(s)', () => {
    expect(() => render('reset-password', {})).toThrow('missing variable reset_pass_url');
    expect(() => render('magic-link', { magic_url: 'javascript:alert(1)' })).toThrow('not an http(s) link');
  });

  it('bulk mail shows its unsubscribe link in both bodies', async () => {
    const bulk = await compileTemplates({
      news: {
        ...actionEmail({ subject: 'News', title: 'News', lines: ['Hi'], button: 'Read', link: 'read_url' }),
        bulkCategory: 'news',
      },
    });
    const email = bulk('news' as never, {
      read_url: 'https://x.org/r',
      unsubscribe_url: 'https://x.org/u?s=1',
    });
    expect(email.html).toContain('href="https://x.org/u?s&#x3D;1">Unsubscribe</a>');
    expect(email.text).toContain('Unsubscribe from these emails: https://x.org/u?s=1');
  });
});
