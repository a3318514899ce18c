import { type RequestHandler, Router } from 'express';

/** What the home page at `/` tells a person who opens the gateway's URL in a browser. */
export interface HomePageContent {
  /** How the platform runs: `npm start` (embedded), `npm run stack`, containers. */
  mode?: string;
  /** Pages beside the API documentation, given only when they exist in this mode. */
  links?: { href: string; label: string; description: string }[];
  /** The embedded mode's demo accounts. */
  demoAccounts?: { role: string; email: string; password: string; signIn: string }[];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A small page at `/`, so that the URL `npm start` prints shows what runs and where to go rather than
 * a JSON 404. Plain HTML with inline styles: no script, nothing fetched from elsewhere.
 */
export function homePage(content: HomePageContent, services: string[]): RequestHandler {
  const links = [
    { href: '/api/docs', label: 'API documentation', description: 'every route, tried from the browser' },
    { href: '/api/openapi.json', label: 'OpenAPI document', description: 'the same, as JSON' },
    {
      href: '/admin',
      label: 'Admin web app',
      description: 'statistics, RSO list, clubs, tags, event bus (admins)',
    },
    ...(content.links ?? []),
  ];
  const accounts = content.demoAccounts ?? [];
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>sproul.club platform</title><link rel="icon" href="data:,">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{color:#003262}a{color:#0b57a4}code{background:#f2f2f2;padding:0 .2rem}td code{white-space:nowrap}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ccc;vertical-align:top}</style></head>
<body><main>
<h1>sproul.club platform</h1>
<p>The backend of a campus club directory${content.mode ? `, running as <strong>${escapeHtml(content.mode)}</strong>` : ''}.
This gateway routes <code>/api/*</code> to its services: ${services.map((name) => escapeHtml(name)).join(', ')}.</p>
<h2>Explore</h2>
<ul>${links
    .map(
      (link) =>
        `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>: ${escapeHtml(link.description)}</li>`,
    )
    .join('')}</ul>
${
  accounts.length
    ? `<h2>Demo accounts</h2>
<p>Created by <code>npm start</code> for trying things out (<code>SEED_DEMO=0</code> skips them).</p>
<table><thead><tr><th scope="col">Email</th><th scope="col">Password</th><th scope="col">Signs in as</th></tr></thead><tbody>${accounts
        .map(
          (account) =>
            `<tr><td>${escapeHtml(account.email)}</td><td><code>${escapeHtml(account.password)}</code></td><td>${escapeHtml(account.signIn)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : ''
}
</main></body></html>`;
  const router = Router();
  router.get('/', (_req, res) => {
    res.set('cache-control', 'no-store').type('html').send(html);
  });
  return router;
}
