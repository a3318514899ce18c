import { fileURLToPath } from 'node:url';
import { createTokenVerifier } from '@sproul/common/auth';
import { packageVersion } from '@sproul/common/http';
import { requestReplayOnFirstStart } from '@sproul/common/messaging';
import { defineService } from '@sproul/common/service';
import { configSchema } from './config.js';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';
import type { MonitorContext } from './domain/monitor-context.js';
import { monitorReplays } from './domain/rebuild/request-replay.js';
import { statsCache } from './domain/stats/stats-cache.js';
import { adminAppRoutes } from './entry-points/http/admin-app.js';
import { busHealthRoutes } from './entry-points/http/bus-health-routes.js';
import { publicStatsRoute } from './entry-points/http/public-stats-route.js';
import { readModelRoutes } from './entry-points/http/read-model-routes.js';
import { statsRoutes } from './entry-points/http/stats-routes.js';
import { replayRetryJob } from './entry-points/jobs/replay-retry-job.js';
import { monitorHandlers } from './entry-points/messaging/monitor-handlers.js';

/** Monitor: statistics read models built from events, upstream's statistics routes, public statistics. */
export const monitorService = defineService({
  name: 'monitor',
  version: packageVersion(new URL('../package.json', import.meta.url)),
  config: configSchema,
  migrations: fileURLToPath(new URL('../drizzle', import.meta.url)),
  messaging: { outbox, inbox, aggregateVersions, appliedVersions },
  async setup({ database, outbox, bus, logger, store, clock }, config) {
    const context: MonitorContext = {
      db: database.db,
      outbox,
      bus,
      config,
      logger,
      verifier: createTokenVerifier({
        jwksUrl: new URL('/.well-known/jwks.json', config.AUTH_URL).href,
        store,
      }),
      clock: clock ?? (() => new Date()),
      cache: statsCache(config.STATS_CACHE_MS),
    };
    if (
      config.REPLAY_ON_FIRST_START &&
      (await requestReplayOnFirstStart(outbox, context.clock(), monitorReplays))
    ) {
      logger.info('first start: asked the owning services to replay their state');
    }
    return { context };
  },
  verifier: (ctx) => ctx.verifier,
  routes: [...statsRoutes, publicStatsRoute, ...readModelRoutes, ...busHealthRoutes, ...adminAppRoutes()],
  handlers: monitorHandlers,
  jobs: [replayRetryJob],
});
