// A development OpenID Connect provider for the embedded mode only (`npm start`), so that student
// single sign-on works with no set-up: its sign-in page asks for an email address and vouches for it
// (verified, no password). Auth still applies its own rules (campus domain only). Never started by
// `npm run stack` or the containers, which sign students in through a real provider (OIDC_ISSUER).
import { generateKeyPair, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';

export interface DevOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

const nameOf = (email: string) =>
  email
    .slice(0, email.indexOf('@'))
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(' ');

export async function startDevOidcProvider(options: {
  /** Auth's callback: `<PUBLIC_BASE_URL>/api/student/login`. */
  redirectUri: string;
  /** Filled in on the sign-in page. */
  suggestedEmail: string;
  domain: string;
}): Promise<DevOidcProvider> {
  // Loaded here, not at the top: it is a hundred modules that only this mode needs, read while the
  // database opens rather than before anything starts.
  const { default: Provider } = await import('oidc-provider');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'sproul-dev';
  const clientSecret = randomBytes(24).toString('base64url');
  // Throwaway keys, new at every start: its tokens are used once, right after they are issued.
  // Off the main thread: it takes a few hundred milliseconds, while the database opens.
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: id, email_verified: true, name: nameOf(id) }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // A sign-in takes seconds; nothing here needs to outlive the process.
    adapter: memoryAdapter,
    ttl: { AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'dev', alg: 'RS256', use: 'sig' }] },
  });

  // The form's submission ends, after redirects, at auth's callback: CSP's form-action must allow it.
  const page = { domain: options.domain, returnsTo: new URL(options.redirectUri).origin };

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      if (req.method !== 'POST') return signInPage(res, page, options.suggestedEmail);
      const email = new URLSearchParams(await readBody(req)).get('email')?.trim().toLowerCase() ?? '';
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
        return signInPage(res, page, email, 'Enter an email address.');
      }
      return provider.interactionFinished(req, res, { login: { accountId: email } });
    }
    // Consent: the platform is the only client, so sign-in implies it.
    const grant = new provider.Grant({
      accountId: String(details.session?.accountId),
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope('openid email profile');
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  }

  const callback = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    interaction(req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Sign-in failed: ${error.message}. Start again from /api/student/login.`);
    });
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Provider state (sessions, codes, grants) in a map: the library's own memory adapter does the same but
 * warns at every start that it is not for production, which this provider never is.
 */
function memoryAdapter() {
  type Payload = Record<string, unknown> & { uid?: string; userCode?: string; grantId?: string };
  const items = new Map<string, { payload: Payload; expires: number }>();
  const live = (id: string) => {
    const item = items.get(id);
    if (item && item.expires < Date.now()) items.delete(id);
    return items.get(id)?.payload;
  };
  const find = (test: (payload: Payload) => boolean) => {
    for (const [id, { payload }] of items) if (test(payload)) return live(id);
    return undefined;
  };
  return {
    async upsert(id: string, payload: Payload, expiresIn: number) {
      items.set(id, { payload, expires: Date.now() + expiresIn * 1000 });
    },
    find: async (id: string) => live(id),
    findByUid: async (uid: string) => find((payload) => payload.uid === uid),
    findByUserCode: async (code: string) => find((payload) => payload.userCode === code),
    async consume(id: string) {
      const payload = live(id);
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    },
    async destroy(id: string) {
      items.delete(id);
    },
    async revokeByGrantId(grantId: string) {
      for (const [id, { payload }] of items) if (payload.grantId === grantId) items.delete(id);
    },
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function signInPage(
  res: ServerResponse,
  { domain, returnsTo }: { domain: string; returnsTo: string },
  email: string,
  problem?: string,
) {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${returnsTo}`,
  });
  res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Development sign-in — sproul.club</title><link rel="icon" href="data:,">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
input,button{font:inherit;padding:.4rem .6rem}input{width:100%;box-sizing:border-box}
button{margin-top:1rem;background:#003262;color:#fff;border:0;border-radius:4px;padding:.5rem 1rem}
.problem{color:#a00}</style></head>
<body><main><h1>Development sign-in</h1>
<p>This stands in for the campus sign-on provider in <code>npm start</code> only. Enter any
<strong>@${escapeHtml(domain)}</strong> address: you are signed in as that student, no password asked.</p>
${problem ? `<p class="problem" role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post"><label for="email">Student email</label>
<input id="email" name="email" type="email" required autocomplete="email" value="${escapeHtml(email)}">
<button type="submit">Sign in</button></form></main></body></html>`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 4096) break;
  }
  return text;
}
