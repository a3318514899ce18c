import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from '@sproul/common/config';
import { createLogger } from '@sproul/common/logging';
import { configSchema } from './config.js';

let config: ReturnType<typeof loadConfig<typeof configSchema>>;
try {
  config = loadConfig(configSchema);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`gateway: ${error.message}\n`);
  process.exit(78);
}
const logger = createLogger('gateway', config.LOG_LEVEL);
const workers = config.GATEWAY_WORKERS ?? availableParallelism();

if (cluster.isPrimary && workers > 1) {
  const { runPrimary } = await import('./cluster-primary.js');
  runPrimary(config, logger, workers);
} else {
  // Loaded here, not at the top: the primary only forks and watches its workers, and with the whole
  // gateway (express, the proxy, the OpenAPI document, the Redis client) loaded it held more memory
  // than a worker.
  const { runWorker } = await import('./gateway-worker.js');
  await runWorker(config, logger);
}
