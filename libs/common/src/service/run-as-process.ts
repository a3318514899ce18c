import type { z } from 'zod';
import type { CommonConfig } from '../config/common-config.js';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { connectInfrastructure } from './infrastructure.js';
import type { RunningService, ServiceDeps } from './service-runtime.js';

/**
 * The body of every service's `src/start.ts`: read config, connect, start, and stop cleanly on
 * SIGTERM/SIGINT. A bad configuration ends the process with a message naming the variable.
 */
export async function runAsProcess<S extends z.ZodType<CommonConfig>>(
  service: string,
  configSchema: S,
  start: (deps: ServiceDeps & { config: z.output<S> }) => Promise<RunningService>,
): Promise<void> {
  let config: z.output<S>;
  try {
    config = loadConfig(configSchema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${service}: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const infrastructure = await connectInfrastructure(service, config);
  const running = await start({ ...infrastructure, config });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    infrastructure.logger.info({ signal }, 'shutting down');
    await running.stop();
    await infrastructure.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
