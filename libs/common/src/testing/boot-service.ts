import type { EventBus } from '../bus/event-bus.js';
import { InProcessBus } from '../bus/in-process-bus.js';
import type { KeyValueStore } from '../cache/key-value-store.js';
import { MemoryStore } from '../cache/memory-store.js';
import type { CommonConfig } from '../config/common-config.js';
import { loadConfig } from '../config/load-config.js';
import type { Database } from '../db/database.js';
import { openPostgres } from '../db/postgres.js';
import type { EventEnvelope } from '../events/envelope.js';
import type { ServiceDefinition } from '../service/define-service.js';
import { startService } from '../service/start-service.js';
import { jsonClient } from './json-client.js';
import { recordEvents } from './record-events.js';
import type { Storage } from './storage.js';
import { testLogger } from './test-logger.js';

export interface BootOptions {
  storage: Storage;
  /** Environment-style settings (strings, as a deployment would set them), parsed by the service's schema. */
  config?: Record<string, string | undefined>;
  /** Another bus (a replica's peer, RabbitMQ); default a new in-process bus. */
  bus?: EventBus;
  store?: KeyValueStore;
  /** The time the service's jobs are told it is. */
  clock?: () => Date;
}

/**
 * A service on an ephemeral port as a composition root starts it, on an in-process bus with every event
 * it publishes recorded. The config is parsed from `options.config` alone: tests never touch process.env.
 */
export async function bootService<Config extends CommonConfig, Ctx>(
  definition: ServiceDefinition<Config, Ctx>,
  options: BootOptions,
) {
  const { storage } = options;
  const logger = testLogger();
  const database: Database =
    storage.kind === 'embedded'
      ? storage.embedded.forService(definition.name)
      : await openPostgres({ url: storage.url, service: definition.name, poolSize: 4 });
  const bus = options.bus ?? new InProcessBus(logger);
  const events: EventEnvelope[] = await recordEvents(bus, `test-recorder-${crypto.randomUUID()}`);
  const config = loadConfig(definition.config, {
    PORT: '0',
    LOG_LEVEL: 'silent',
    BUS_RETRY_DELAYS_MS: '50',
    DATABASE_URL: storage.kind === 'postgres' ? storage.url : undefined,
    ...options.config,
  });
  const store = options.store ?? new MemoryStore();
  const service = await startService(
    definition,
    { logger, database, bus, store, clock: options.clock },
    config,
  );
  return {
    service,
    context: service.context,
    db: database.db,
    bus,
    events,
    client: jsonClient(service.url),
    url: (path: string) => `${service.url}${path}`,
    /** Data of the recorded events of one type (and version, for a type published in two side by side). */
    published: <T = Record<string, unknown>>(type: string, version?: number) =>
      events
        .filter((event) => event.type === type && (version === undefined || event.version === version))
        .map((event) => event.data as T),
    async close() {
      await service.stop();
      if (!options.bus) await bus.close();
      if (!options.store) await store.close();
      if (storage.kind === 'postgres') await database.close();
    },
  };
}

export type BootedService<Ctx> = Awaited<ReturnType<typeof bootService<CommonConfig, Ctx>>>;
