import type { JobDefinition } from '@sproul/common/service';
import type { AuthConfig } from '../../config.js';
import type { AuthContext } from '../../domain/auth-context.js';

/** Rotates the signing key when it is old, and picks up keys another replica rotated in. */
export const refreshSigningKeys: JobDefinition<AuthContext, AuthConfig> = {
  name: 'refresh-signing-keys',
  every: () => 10 * 60_000,
  run: (ctx) => ctx.keyRing.refresh(),
};
