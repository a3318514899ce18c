import { fileURLToPath } from 'node:url';
import { createTokenVerifier } from '@sproul/common/auth';
import { packageVersion } from '@sproul/common/http';
import { createInternalClient } from '@sproul/common/http-client';
import { defineService } from '@sproul/common/service';
import { configSchema } from './config.js';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';
import type { CatalogContext } from './domain/catalog-context.js';
import { recommenderSimilarClubs } from './domain/clubs/similar-clubs-source.js';
import { recommenderStudentClubs } from './domain/clubs/student-clubs-source.js';
import { searchCounter } from './domain/search/search-counter.js';
import { seedAndAnnounceMetadata } from './domain/tags/seed-and-announce-metadata.js';
import { catalogRoutes } from './entry-points/http/catalog-routes.js';
import { monitorRoutes } from './entry-points/http/monitor-routes.js';
import { officerRoutes } from './entry-points/http/officer-routes.js';
import { studentRoutes } from './entry-points/http/student-routes.js';
import { metadataAnnounceJob } from './entry-points/jobs/metadata-announce-job.js';
import { recruitingStatusJob } from './entry-points/jobs/recruiting-status-job.js';
import { searchCountJob } from './entry-points/jobs/search-count-job.js';
import { catalogHandlers } from './entry-points/messaging/catalog-handlers.js';
import { startReadCache } from './read-cache/read-cache.js';
import { seedDemoCatalogOnFirstStart } from './seed/seed-on-first-start.js';

/** Catalog: clubs, their events and lists, tags and other metadata, student profiles; the public catalog. */
export const catalogService = defineService({
  name: 'catalog',
  version: packageVersion(new URL('../package.json', import.meta.url)),
  config: configSchema,
  migrations: fileURLToPath(new URL('../drizzle', import.meta.url)),
  messaging: { outbox, inbox, aggregateVersions, appliedVersions },
  async setup({ database, outbox, logger, store, clock }, config) {
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
    const now = clock ?? (() => new Date());
    const readCache = await startReadCache(database, logger, { maxMb: config.READ_CACHE_MB, clock: now });
    const context: CatalogContext = {
      db: database.db,
      outbox,
      config,
      clock: now,
      logger,
      verifier: createTokenVerifier({
        jwksUrl: new URL('/.well-known/jwks.json', config.AUTH_URL).href,
        store,
      }),
      similarClubs: recommenderSimilarClubs(recommender),
      searches: searchCounter(clock),
      studentClubs: recommenderStudentClubs(recommender),
      readCache,
    };
    await seedAndAnnounceMetadata(outbox);
    if (database.kind === 'pglite' && config.SEED_DEMO) await seedDemoCatalogOnFirstStart(context);
    return {
      context,
      stop: async () => {
        await readCache.stop();
        await recommender.close();
      },
    };
  },
  verifier: (ctx) => ctx.verifier,
  // Anonymous reads already answered from memory skip express (`npm run bench:catalog`).
  fastLane: (ctx) => ctx.readCache.fastLane,
  metrics: (ctx) => ctx.readCache.metrics(),
  routes: [...catalogRoutes, ...officerRoutes, ...studentRoutes, ...monitorRoutes],
  handlers: catalogHandlers,
  // In every run mode, in each replica: the locks inside let one replica act per tick.
  jobs: [recruitingStatusJob, metadataAnnounceJob, searchCountJob],
});
