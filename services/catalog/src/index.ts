import { fileURLToPath } from 'node:url';
import { createTokenVerifier } from '@sproul/common/auth';
import { serviceConfig } from '@sproul/common/config';
import { createInternalClient } from '@sproul/common/http-client';
import { type LegacyServiceDefinition, type LegacyServiceDeps, runService } from '@sproul/common/service';
import { configSchema } from './config.js';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';
import type { CatalogContext } from './domain/catalog-context.js';
import { recommenderSimilarClubs } from './domain/clubs/similar-clubs-source.js';
import { startRecruitingScheduler } from './domain/recruiting/recruiting-scheduler.js';
import { startMetadataAnnouncer } from './domain/tags/metadata-announcer.js';
import { seedAndAnnounceMetadata } from './domain/tags/seed-and-announce-metadata.js';
import { catalogRoutes } from './entry-points/http/catalog-routes.js';
import { metadataRoutes } from './entry-points/http/metadata-routes.js';
import { monitorClubRoutes } from './entry-points/http/monitor-club-routes.js';
import { monitorTagRoutes } from './entry-points/http/monitor-tag-routes.js';
import { officerRoutes } from './entry-points/http/officer-routes.js';
import { catalogApiDocument } from './entry-points/http/openapi.js';
import { studentRoutes } from './entry-points/http/student-routes.js';
import { createClubWhenUserRegistered } from './entry-points/messaging/create-club-when-user-registered.handler.js';
import { removeAccountDataWhenAccountDeleted } from './entry-points/messaging/remove-account-data-when-account-deleted.handler.js';
import { showClubWhenAccountConfirmed } from './entry-points/messaging/show-club-when-account-confirmed.handler.js';
import { showImageWhenImageStored } from './entry-points/messaging/show-image-when-image-stored.handler.js';
import { seedDemoCatalogOnFirstStart } from './seed/seed-on-first-start.js';

/** Catalog: clubs, their events and lists, tags and other metadata, student profiles; the public catalog. */
export async function start(deps: LegacyServiceDeps) {
  const config = serviceConfig(configSchema, deps.config);
  let catalog: CatalogContext | undefined;
  const ready = () => {
    if (!catalog) throw new Error('catalog is not set up yet');
    return catalog;
  };

  const definition: LegacyServiceDefinition = {
    name: 'catalog',
    migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
    messaging: { outbox, inbox, aggregateVersions, appliedVersions },
    async setup(context) {
      // The club page must answer quickly without the recommender: one short attempt, and after a few
      // failures the circuit opens and pages use their fallback at once.
      const recommender = createInternalClient({
        service: 'recommender',
        baseUrl: config.RECOMMENDER_URL,
        timeoutMs: config.RECOMMENDER_TIMEOUT_MS,
        retries: 0,
        breakAfter: 3,
        halfOpenAfterMs: 10_000,
      });
      catalog = {
        db: context.database.db,
        outbox: context.outbox,
        config,
        logger: context.logger,
        verifier: createTokenVerifier({
          jwksUrl: new URL('/.well-known/jwks.json', config.AUTH_URL).href,
          store: context.store,
        }),
        similarClubs: recommenderSimilarClubs(recommender),
      };
      await seedAndAnnounceMetadata(context.outbox);
      if (context.database.kind === 'pglite' && config.SEED_DEMO) {
        await seedDemoCatalogOnFirstStart(catalog);
      }
      // In every run mode, in each replica: the lock inside lets one replica act per tick.
      const scheduler =
        config.RECRUITING_CHECK_INTERVAL_MS > 0
          ? startRecruitingScheduler({
              outbox: context.outbox,
              logger: context.logger,
              intervalMs: config.RECRUITING_CHECK_INTERVAL_MS,
            })
          : undefined;
      const announcer =
        config.METADATA_ANNOUNCE_INTERVAL_MS > 0
          ? startMetadataAnnouncer({
              outbox: context.outbox,
              logger: context.logger,
              intervalMs: config.METADATA_ANNOUNCE_INTERVAL_MS,
            })
          : undefined;
      return async () => {
        await announcer?.stop();
        await scheduler?.stop();
        await recommender.close();
      };
    },
    handlers: (context) => [
      createClubWhenUserRegistered(context.outbox),
      showClubWhenAccountConfirmed(context.outbox),
      removeAccountDataWhenAccountDeleted(context.outbox),
      showImageWhenImageStored(context.outbox),
    ],
    openapi: catalogApiDocument,
    routes(app, context) {
      const ctx = ready();
      app.use('/api/catalog', metadataRoutes(context.database.db), catalogRoutes(ctx));
      app.use('/api/admin', officerRoutes(ctx));
      app.use('/api/student', studentRoutes(ctx));
      app.use('/api/monitor', monitorClubRoutes(ctx), monitorTagRoutes(ctx));
    },
  };
  return runService(definition, { ...deps, config });
}

export { catalogApiDocument } from './entry-points/http/openapi.js';
export { type DemoClubSummary, findDemoClub } from './seed/find-demo-club.js';
export { seedCatalog } from './seed/seed-demo-catalog.js';
