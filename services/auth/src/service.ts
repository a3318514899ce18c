import { fileURLToPath } from 'node:url';
import { packageVersion } from '@sproul/common/http';
import { defineService } from '@sproul/common/service';
import { configSchema } from './config.js';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';
import { signingKeyRepository } from './data-access/signing-key-repository.js';
import { ensureAdmin } from './domain/admin-accounts.js';
import { authContext } from './domain/auth-context.js';
import { KeyRing } from './domain/key-ring.js';
import { tokenIssuer } from './domain/tokens.js';
import { authRoutes } from './entry-points/http/routes.js';
import { refreshSigningKeys } from './entry-points/jobs/refresh-signing-keys.job.js';
import { closeOfficerAccountWhenClubDeleted } from './entry-points/messaging/close-officer-account-when-club-deleted.handler.js';
import { keepCatalogMetadataWhenTagChanged } from './entry-points/messaging/keep-catalog-metadata-when-tag-changed.handler.js';
import { keepClubNameWhenClubUpdated } from './entry-points/messaging/keep-club-name-when-club-updated.handler.js';
import { linkClubWhenClubCreated } from './entry-points/messaging/link-club-when-club-created.handler.js';
import { restateAccountsWhenReplayRequested } from './entry-points/messaging/restate-accounts-when-replay-requested.handler.js';

/** Auth: accounts, credentials, sessions, email tokens, the RSO list; signs every token. */
export const authService = defineService({
  name: 'auth',
  version: packageVersion(new URL('../package.json', import.meta.url)),
  config: configSchema,
  migrations: fileURLToPath(new URL('../drizzle', import.meta.url)),
  messaging: { outbox, inbox, aggregateVersions, appliedVersions },
  async setup({ database, outbox, store, logger, clock }, config) {
    const keyRing = new KeyRing({
      store: signingKeyRepository(database.db, config.KEY_ENCRYPTION_SECRET),
      rotateAfterMs: config.KEY_ROTATION_DAYS * 24 * 3600_000,
      keepRetiredMs: Math.max(config.REFRESH_TOKEN_TTL_S, config.ACCESS_TOKEN_TTL_S) * 1000,
      // Tokens are signed at the service's time (tests set it back to get expired tokens at once).
      now: clock,
    });
    await keyRing.refresh();
    const tokens = tokenIssuer(keyRing, {
      accessS: config.ACCESS_TOKEN_TTL_S,
      refreshS: config.REFRESH_TOKEN_TTL_S,
    });
    const context = authContext({
      db: database.db,
      outbox,
      store,
      keyRing,
      tokens,
      config,
      logger,
      clock: clock ?? (() => new Date()),
    });
    // Embedded mode only: production admins are created with `npm run admin:create`.
    if (database.kind === 'pglite' && config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
      const outcome = await ensureAdmin(context, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
      logger.info({ email: config.ADMIN_EMAIL, outcome }, 'embedded admin account');
    }
    return { context, stop: () => context.deferred.idle() };
  },
  verifier: (context) => context.verifier,
  routes: authRoutes,
  handlers: (context) => [
    keepCatalogMetadataWhenTagChanged,
    linkClubWhenClubCreated(context.outbox),
    keepClubNameWhenClubUpdated,
    closeOfficerAccountWhenClubDeleted(context, context.outbox),
    restateAccountsWhenReplayRequested(context.outbox),
  ],
  jobs: [refreshSigningKeys],
});
