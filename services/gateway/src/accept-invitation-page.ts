import { Router } from 'express';
import { ACCEPT_INVITATION_SCRIPT } from './accept-invitation-script.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page an officer invitation's emailed link opens (`/accept-invitation?token=…`, built by auth from
 * PUBLIC_BASE_URL): what the invitation is for, a name and password when no account exists under the
 * invited address, then the acceptance. It calls auth's public invitation routes through this gateway;
 * the session the acceptance answers is dropped, and the officer signs in at the web app
 * (`webAppUrl`'s `/signin`, where auth's emails send people to sign in). Its script is a file of its own: the gateway's CSP allows no inline script.
 */
export function acceptInvitationPage(webAppUrl: string) {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Accept an invitation · sproul.club</title><link rel="icon" href="data:,">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{color:#003262}a{color:#0b57a4}dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
label{display:block;margin-top:.8rem;font-weight:600}input{font:inherit;width:100%;box-sizing:border-box;padding:.4rem;border:1px solid #767676;border-radius:4px}
.hint{color:#4a5560;font-size:.9rem;margin:.2rem 0}button{font:inherit;margin-top:1rem;padding:.5rem 1.2rem;background:#003262;color:#fff;border:0;border-radius:4px;cursor:pointer}
button[disabled]{opacity:.6;cursor:wait}:focus-visible{outline:3px solid #fdb515;outline-offset:2px}
.error{color:#a4000f;border-left:4px solid #a4000f;padding-left:.6rem}</style></head>
<body><main>
<h1>Join a club's team</h1>
<noscript><p class="error">This page needs JavaScript to read and accept the invitation. Turn it on and open the link again.</p></noscript>
<p id="status" role="status">Loading the invitation…</p>
<p id="problem" class="error" role="alert" tabindex="-1" hidden></p>
<section id="invitation" aria-labelledby="invitation-heading" hidden>
<h2 id="invitation-heading">Your invitation</h2>
<dl><dt>Club</dt><dd id="club"></dd><dt>Role</dt><dd id="role"></dd><dt>For</dt><dd id="email"></dd><dt>Expires</dt><dd><time id="expires"></time></dd></dl>
<form id="accept" novalidate>
<div id="new-account" hidden>
<p>No account exists under this address yet: choose your name and a password to create one.</p>
<label for="name">Your name</label>
<input id="name" name="name" autocomplete="name" maxlength="100" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="new-password" maxlength="256" required aria-describedby="password-rules">
<p id="password-rules" class="hint">At least 8 characters, with a digit and a special character (such as ! or #); not a well-known password.</p>
<label for="password-again">Password again</label>
<input id="password-again" name="password-again" type="password" autocomplete="new-password" maxlength="256" required>
</div>
<p id="existing-account" hidden>You already have an account under this address: accepting adds this club to it, and you keep your password.</p>
<button type="submit">Accept the invitation</button>
</form>
</section>
<section id="done" hidden>
<h2 id="done-heading" tabindex="-1"></h2>
<p>Sign in with this email address and your password to edit the club's page.</p>
</section>
<p id="sign-in" hidden><a href="${escapeHtml(new URL('/signin', webAppUrl).href)}">Sign in at sproul.club</a></p>
</main><script src="/accept-invitation.js" defer></script></body></html>`;

  const router = Router();
  router.get('/accept-invitation', (_req, res) => {
    // The URL carries the token: no other site may learn it from a Referer (helmet's default, stated
    // here so that this page keeps it), and no cache may keep the page.
    res.set({ 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' }).type('html').send(html);
  });
  router.get('/accept-invitation.js', (_req, res) => {
    res.set('cache-control', 'no-cache').type('application/javascript').send(ACCEPT_INVITATION_SCRIPT);
  });
  return router;
}
