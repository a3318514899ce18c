// `npm start`: the whole platform in one process on embedded defaults (see platform.ts).
import { ConfigError, commonConfigSchema, loadConfig } from '@sproul/common/config';
import { DataDirLockedError } from '@sproul/common/db';
import { createLogger, installProcessGuards } from '@sproul/common/logging';
import { startTracing } from '@sproul/common/tracing';
import { configSchema as gatewayConfigSchema } from '@sproul/gateway';
import { type EmbeddedPlatform, startEmbedded } from './platform.js';
import { startupMessage } from './startup-message.js';

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
// A rejection nobody awaited anywhere in the platform ends the process (exit 70) with a fatal log line.
installProcessGuards(logger);
// One process, one `service.name`; each span names its service in `sproul.service`.
const tracing = await startTracing({ service: 'sproul' });
let platform: EmbeddedPlatform;
try {
  platform = await startEmbedded(config);
} catch (error) {
  // Another `npm start` (or admin:create, seed) owns DATA_DIR: say so plainly, no stack trace.
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stderr.write(`\nsproul.club cannot start: ${error.message}\n`);
  process.exit(1);
}
process.stdout.write(startupMessage(platform, Date.now() - started));

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  await platform.stop();
  await tracing?.shutdown();
  process.stdout.write('sproul.club stopped cleanly\n');
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
