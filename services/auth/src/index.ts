import { fileURLToPath } from 'node:url';
import { createTokenVerifier } from '@sproul/common/auth';
import { serviceConfig } from '@sproul/common/config';
import { type LegacyServiceDefinition, type LegacyServiceDeps, runService } from '@sproul/common/service';
import type { Express } from 'express';
import { assertSigningKeysSealed, configSchema } from './config.js';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';
import { signingKeyRepository } from './data-access/signing-key-repository.js';
import { ensureAdmin } from './domain/admin-accounts.js';
import { type AuthContext, authContext } from './domain/auth-context.js';
import { KeyRing } from './domain/key-ring.js';
import { tokenIssuer } from './domain/tokens.js';
import { adminRoutes } from './entry-points/http/admin-routes.js';
import { jwksRoute } from './entry-points/http/jwks-route.js';
import { monitorRoutes } from './entry-points/http/monitor-routes.js';
import { authApiDocument } from './entry-points/http/openapi.js';
import { selfServiceRoutes } from './entry-points/http/self-service-routes.js';
import { sessionRoutes } from './entry-points/http/session-routes.js';
import { studentRoutes } from './entry-points/http/student-routes.js';
import { userRoutes } from './entry-points/http/user-routes.js';
import { closeOfficerAccountWhenClubDeleted } from './entry-points/messaging/close-officer-account-when-club-deleted.handler.js';
import { keepCatalogMetadataWhenTagChanged } from './entry-points/messaging/keep-catalog-metadata-when-tag-changed.handler.js';
import { linkClubWhenClubCreated } from './entry-points/messaging/link-club-when-club-created.handler.js';

const KEY_CHECK_INTERVAL_MS = 10 * 60_000;

/** Auth: accounts, credentials, sessions, email tokens, the RSO list; signs every token. */
export async function start(deps: LegacyServiceDeps) {
  const config = serviceConfig(configSchema, deps.config);
  assertSigningKeysSealed(config);
  let auth: AuthContext | undefined;
  const ready = () => {
    if (!auth) throw new Error('auth is not set up yet');
    return auth;
  };

  const definition: LegacyServiceDefinition = {
    name: 'auth',
    migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
    messaging: { outbox, inbox, aggregateVersions, appliedVersions },
    async setup(context) {
      const keyRing = new KeyRing({
        store: signingKeyRepository(context.database.db, config.KEY_ENCRYPTION_SECRET),
        rotateAfterMs: config.KEY_ROTATION_DAYS * 24 * 3600_000,
        keepRetiredMs: Math.max(config.REFRESH_TOKEN_TTL_S, config.ACCESS_TOKEN_TTL_S) * 1000,
      });
      await keyRing.refresh();
      auth = authContext({
        db: context.database.db,
        outbox: context.outbox,
        store: context.store,
        keyRing,
        tokens: tokenIssuer(keyRing, {
          accessS: config.ACCESS_TOKEN_TTL_S,
          refreshS: config.REFRESH_TOKEN_TTL_S,
        }),
        config,
        logger: context.logger,
      });
      // Embedded mode only: production admins are created with `npm run admin:create`.
      if (context.database.kind === 'pglite' && config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
        const outcome = await ensureAdmin(auth, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
        context.logger.info({ email: config.ADMIN_EMAIL, outcome }, 'embedded admin account');
      }
      // Rotation, and picking up keys another replica rotated in.
      const timer = setInterval(() => {
        keyRing
          .refresh()
          .catch((error) => context.logger.error({ err: error }, 'signing key refresh failed'));
      }, KEY_CHECK_INTERVAL_MS);
      timer.unref();
      return async () => clearInterval(timer);
    },
    handlers: (context) => [
      keepCatalogMetadataWhenTagChanged,
      linkClubWhenClubCreated,
      closeOfficerAccountWhenClubDeleted(ready(), context.outbox),
    ],
    openapi: authApiDocument,
    routes(app: Express, context) {
      const ctx = ready();
      const verifier = createTokenVerifier({ keys: ctx.keyRing.verificationKeys, store: context.store });
      app.use(jwksRoute(ctx.keyRing));
      app.use(
        '/api/user',
        userRoutes(ctx, verifier),
        selfServiceRoutes(ctx, verifier),
        sessionRoutes(ctx, verifier),
      );
      app.use('/api/student', studentRoutes(ctx, verifier), sessionRoutes(ctx, verifier, 'student'));
      app.use('/api/monitor', monitorRoutes(ctx, verifier), sessionRoutes(ctx, verifier, 'admin'));
      app.use('/api/admin', adminRoutes(ctx, verifier));
    },
  };
  return runService(definition, { ...deps, config });
}
export { createAdminAccount, createDemoAccount } from './create-admin.js';
export type { DemoAccount } from './domain/demo-accounts.js';
export { authApiDocument } from './entry-points/http/openapi.js';
