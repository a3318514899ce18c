import { MemoryStore } from '@sproul/common/cache';
import { RedisStore } from '@sproul/common/cache/redis';
import { startErrorReporting } from '@sproul/common/errors';
import { installProcessGuards, type Logger } from '@sproul/common/logging';
import { startTracing } from '@sproul/common/tracing';
import { createClient } from 'redis';
import type { GatewayConfig } from './config.js';
import { start } from './index.js';
import { gatewayVersion } from './version.js';

/** One worker (or the only process): the gateway, its stores, and its clean shutdown on a signal. */
export async function runWorker(config: GatewayConfig, logger: Logger) {
  await startErrorReporting({
    dsn: config.SENTRY_DSN,
    service: 'gateway',
    version: gatewayVersion,
    environment: config.NODE_ENV,
  });
  installProcessGuards(logger);
  const tracing = await startTracing({ service: 'gateway' });
  const store = config.REDIS_URL
    ? new RedisStore({
        url: config.REDIS_URL,
        namespace: 'sproul',
        logger,
        localCopy: config.DENYLIST_LOCAL_COPY === '1',
      })
    : new MemoryStore();
  // The rate limiters' own Redis connection (rate-limiter-flexible drives the client directly).
  const rateLimitRedis = config.REDIS_URL
    ? await createClient({ url: config.REDIS_URL, disableOfflineQueue: true })
        .on('error', () => {})
        .connect()
        .catch((error) => {
          logger.warn({ err: error }, 'redis unavailable for rate limits; limiting per process');
          return undefined;
        })
    : undefined;
  const gateway = await start({ config, logger, store, rateLimitRedis });
  let stopping = false;
  // `on`, not `once`: a second signal (a supervisor repeating itself) must not kill a clean shutdown.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      await gateway.stop();
      await store.close();
      await rateLimitRedis?.quit();
      await tracing?.shutdown();
      process.exit(0);
    });
  }
}
