// `npm start`: the whole platform in one process on embedded defaults (see platform.ts).
import { ConfigError, commonConfigSchema, createLogger, loadConfig } from '@sproul/common';
import { configSchema as gatewayConfigSchema } from '@sproul/gateway';
import { startEmbedded } from './platform.js';

const started = Date.now();
let config: ReturnType<typeof loadConfig<typeof gatewayConfigSchema>>;
try {
  config = loadConfig(gatewayConfigSchema);
  loadConfig(commonConfigSchema);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(78);
}
const logger = createLogger('embedded', config.LOG_LEVEL);
const platform = await startEmbedded(config);
process.stdout.write(`\nsproul.club is ready at ${platform.url} (started in ${Date.now() - started} ms)\n\n`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await platform.stop();
  process.stdout.write('sproul.club stopped cleanly\n');
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
