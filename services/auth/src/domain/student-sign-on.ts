import * as oidc from 'openid-client';
import { ssoExpired, ssoFailed, ssoUnverified } from '../errors.js';
import type { AuthContext } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { oidcDiscovery } from './oidc-discovery.js';
import { type SignOnResult, signInStudent } from './student-sign-in.js';
import { assertCampusEmail } from './students.js';

const FLOW_TTL_MS = 10 * 60_000;
const flowKey = (state: string) => `oidc:flow:${state}`;

/**
 * Student sign-in through an OpenID Connect provider (Google in production), with openid-client:
 * authorization code flow with PKCE, state and nonce; the flow's secrets wait in the shared store
 * (so any replica can finish what another began) and are used once. Only verified addresses of the
 * campus domain get in; the account is created on first sign-in (upstream crashed there).
 */
export function studentSignOn(ctx: AuthContext) {
  const redirectUri = new URL('/api/student/login', ctx.config.PUBLIC_BASE_URL).href;
  const configuration = oidcDiscovery(ctx);

  /** Where to send the browser to sign in. */
  async function begin(): Promise<string> {
    const config = await configuration();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const verifier = oidc.randomPKCECodeVerifier();
    await ctx.store.set(flowKey(state), JSON.stringify({ verifier, nonce }), FLOW_TTL_MS);
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      // Google shows only accounts of this domain; the email check below is what enforces it.
      hd: ctx.config.STUDENT_EMAIL_DOMAIN,
    }).href;
  }

  /** The provider sent the browser back with `query` (code and state, or an error). */
  async function finish(query: URLSearchParams): Promise<SignOnResult> {
    const config = await configuration();
    if (query.get('error')) {
      throw ssoFailed(`${query.get('error_description') ?? query.get('error')}`);
    }
    const state = query.get('state') ?? '';
    const stored = state ? await ctx.store.get(flowKey(state)) : null;
    if (!stored) throw ssoExpired();
    await ctx.store.delete(flowKey(state));
    const { verifier, nonce } = JSON.parse(stored) as { verifier: string; nonce: string };

    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, new URL(`${redirectUri}?${query}`), {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      claims = { ...idToken };
      // Some providers put email and name in the ID token (Google), others only in userinfo.
      if (typeof idToken.email !== 'string') {
        claims = {
          ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)),
          iss: idToken.iss,
        };
      }
    } catch (error) {
      // The library's message describes the provider's answer (upstream's Authomatic ran with debug=True
      // and showed such details, spec §6.3): it goes to the log, the browser gets a fixed reason.
      ctx.logger.warn({ err: error }, 'student sign-on: the code exchange failed');
      throw ssoFailed('the provider’s answer could not be verified');
    }
    const email = typeof claims.email === 'string' ? normalizeEmail(claims.email) : '';
    if (!email || claims.email_verified !== true) {
      throw ssoUnverified();
    }
    assertCampusEmail(ctx, email);
    const name = typeof claims.name === 'string' ? claims.name.slice(0, 100) : null;
    return signInStudent(ctx, `${claims.iss}|${claims.sub}`, email, name);
  }

  return { begin, finish };
}

export type StudentSignOn = ReturnType<typeof studentSignOn>;
