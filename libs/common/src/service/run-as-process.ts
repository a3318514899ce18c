import type { z } from 'zod';
import type { CommonConfig } from '../config/common-config.js';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { startErrorReporting } from '../errors/error-reporting.js';
import { installProcessGuards } from '../logging/process-guards.js';
import { startTracing } from '../tracing/start-tracing.js';
import type { ServiceDefinition } from './define-service.js';
import { connectInfrastructure } from './infrastructure.js';
import { startService } from './start-service.js';

/** Parses a service's environment once; a bad value ends the process with a message naming it. */
function configOrExit<C>(service: string, schema: z.ZodType<C>): C {
  try {
    return loadConfig(schema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${service}: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/**
 * The body of every service's `src/start.ts`: read config, connect, start, and stop cleanly on
 * SIGTERM/SIGINT.
 */
export async function runAsProcess<C extends CommonConfig, Ctx>(definition: ServiceDefinition<C, Ctx>) {
  const config = configOrExit(definition.name, definition.config);
  // Before anything serves or consumes: nothing is loaded for it unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const tracing = await startTracing({ service: definition.name });
  await startErrorReporting({
    dsn: config.SENTRY_DSN,
    service: definition.name,
    version: definition.version,
    environment: config.NODE_ENV,
  });
  const infrastructure = await connectInfrastructure(definition.name, config);
  installProcessGuards(infrastructure.logger);
  const running = await startService(definition, infrastructure, config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    infrastructure.logger.info({ signal }, 'shutting down');
    await running.stop();
    await infrastructure.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
