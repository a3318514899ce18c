import { AccountConfirmedV1, makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import * as oidc from 'openid-client';
import type { Account } from '../data-access/account-repository.js';
import {
  accountExists,
  ssoDisabled,
  ssoExpired,
  ssoFailed,
  ssoUnavailable,
  ssoUnverified,
} from '../errors.js';
import { type AuthContext, SOURCE } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { confirmForProvenOwner } from './prove-address.js';
import { removeAccount } from './self-service.js';
import { denySessions, type SessionTokens, startSession } from './sessions.js';
import { assertCampusEmail } from './students.js';

const FLOW_TTL_MS = 10 * 60_000;
const flowKey = (state: string) => `oidc:flow:${state}`;

export interface SignOnResult {
  is_new_user: boolean;
  profile: { name: string | null; email: string };
  token: SessionTokens;
}

/**
 * Student sign-in through an OpenID Connect provider (Google in production), with openid-client:
 * authorization code flow with PKCE, state and nonce; the flow's secrets wait in the shared store
 * (so any replica can finish what another began) and are used once. Only verified addresses of the
 * campus domain get in; the account is created on first sign-in (upstream crashed there).
 */
export function studentSignOn(ctx: AuthContext) {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = ctx.config;
  const redirectUri = new URL('/api/student/login', ctx.config.PUBLIC_BASE_URL).href;
  let discovered: Promise<oidc.Configuration> | undefined;

  function configuration(): Promise<oidc.Configuration> {
    if (!OIDC_ISSUER || !OIDC_CLIENT_ID) {
      throw ssoDisabled();
    }
    discovered ??= oidc
      .discovery(
        new URL(OIDC_ISSUER),
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
        undefined,
        // Plain http only for a local provider (development and tests).
        new URL(OIDC_ISSUER).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error) => {
        discovered = undefined; // try again next time
        throw ssoUnavailable(error.message);
      });
    return discovered;
  }

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
      throw ssoFailed((error as Error).message);
    }
    const email = typeof claims.email === 'string' ? normalizeEmail(claims.email) : '';
    if (!email || claims.email_verified !== true) {
      throw ssoUnverified();
    }
    assertCampusEmail(ctx, email);
    const name = typeof claims.name === 'string' ? claims.name.slice(0, 100) : null;
    return signIn(`${claims.iss}|${claims.sub}`, email, name);
  }

  async function signIn(subject: string, email: string, name: string | null): Promise<SignOnResult> {
    const { result, ended } = await ctx.transaction(async (unit) => {
      let account: Account | undefined = await unit.accounts.findByOidcSubject(subject);
      let isNew = false;
      const ended: string[] = [];
      if (!account) {
        let byEmail = await unit.accounts.findByEmail(email);
        // The provider just proved the address: an unconfirmed club or member account under it,
        // registered by someone who never did, gives way (AccountDeleted removes its club).
        if (byEmail && !byEmail.confirmed && byEmail.role !== 'student') {
          ended.push(...(await removeAccount(unit, byEmail)));
          byEmail = undefined;
        }
        if (byEmail && byEmail.role !== 'student') {
          throw accountExists('That email belongs to a club or member account');
        }
        if (byEmail) {
          // A student who signed up with a password links their provider identity on first use; an
          // unconfirmed one loses what its unproven registration set up (see confirmForProvenOwner).
          if (!byEmail.confirmed) ended.push(...(await confirmForProvenOwner(unit, byEmail)));
          await unit.accounts.update(byEmail.id, { oidcSubject: subject });
          account = { ...byEmail, oidcSubject: subject, confirmed: true };
        } else {
          account = await unit.accounts.insert({
            email,
            role: 'student',
            name,
            oidcSubject: subject,
            confirmed: true,
            confirmedAt: new Date(),
          });
          if (!account) throw accountExists('An account under that email already exists!');
          isNew = true;
          await unit.publish(
            makeEvent(
              UserRegisteredV1,
              { userId: account.id, email, role: 'student', name, club: null },
              SOURCE,
            ),
            makeEvent(AccountConfirmedV1, { userId: account.id, email, role: 'student' }, SOURCE),
          );
        }
      }
      const result: SignOnResult = {
        is_new_user: isNew,
        profile: { name: account.name, email: account.email },
        token: await startSession(ctx, unit, account),
      };
      return { result, ended };
    });
    await denySessions(ctx, ended);
    return result;
  }

  return { begin, finish };
}

export type StudentSignOn = ReturnType<typeof studentSignOn>;
