import * as oidc from 'openid-client';
import { ssoDisabled, ssoUnavailable } from '../errors.js';
import type { AuthContext } from './auth-context.js';

/** The provider's configuration, discovered on first use, and again on the next use after a failure. */
export function oidcDiscovery(ctx: AuthContext): () => Promise<oidc.Configuration> {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = ctx.config;
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

  return configuration;
}
