import type { DevMail } from './dev-mail.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page at `/_dev/mail`: every email, newest first, its HTML rendered in a sandboxed iframe (no
 * script, no same-origin access: an email cannot act as the gateway's page) and its text below. No
 * script of its own, so the gateway's CSP applies unchanged.
 */
export function devMailPage(emails: DevMail[]): string {
  const items = emails
    .map(
      (email) => `<article>
<h2>${escapeHtml(email.subject)}</h2>
<p class="meta">To <strong>${escapeHtml(email.to)}</strong> · <time datetime="${email.sentAt}">${email.sentAt}</time></p>
${email.html ? `<iframe sandbox title="${escapeHtml(email.subject)}" srcdoc="${escapeHtml(email.html)}"></iframe>` : ''}
${email.text ? `<details><summary>Plain text</summary><pre>${escapeHtml(email.text)}</pre></details>` : ''}
</article>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sent mail · sproul.club (development)</title><link rel="icon" href="data:,">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{color:#003262}article{border-top:1px solid #ccc;padding:1rem 0}h2{margin:.2rem 0;font-size:1.15rem}.meta{color:#5f6b76;margin:.2rem 0 .6rem}
iframe{width:100%;height:34rem;border:1px solid #ddd;border-radius:6px}pre{white-space:pre-wrap;background:#f6f6f6;padding:.6rem}</style></head>
<body><main>
<h1>Sent mail</h1>
<p>Every email the platform sent since this <code>npm start</code> began (kept in memory by the SES emulator), newest first.
The same as JSON: <a href="/_dev/mail.json">/_dev/mail.json</a>. Reload to see new ones.</p>
${items || '<p>No email sent yet. Register an officer account or ask for a password reset to see one.</p>'}
</main></body></html>`;
}
