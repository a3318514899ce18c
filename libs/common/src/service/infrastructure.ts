import path from 'node:path';
import type { EventBus } from '../bus/event-bus.js';
import { InProcessBus } from '../bus/in-process-bus.js';
import type { KeyValueStore } from '../cache/key-value-store.js';
import { MemoryStore } from '../cache/memory-store.js';
import type { CommonConfig } from '../config/common-config.js';
import type { Database } from '../db/database.js';
import type { EmbeddedPostgres } from '../db/pglite.js';
import { createLogger, type Logger } from '../logging/logger.js';

export interface Infrastructure {
  logger: Logger;
  database: Database;
  bus: EventBus;
  store: KeyValueStore;
  close(): Promise<void>;
}

// Each client is imported only when configured: a service on PostgreSQL never loads PGlite's
// WebAssembly, one on PGlite never loads pg, amqplib or redis.

async function openDatabase(service: string, config: CommonConfig) {
  if (config.DATABASE_URL) {
    const { openPostgres } = await import('../db/postgres.js');
    return { database: await openPostgres({ url: config.DATABASE_URL, service }) };
  }
  const { EmbeddedPostgres } = await import('../db/pglite.js');
  const embedded = await EmbeddedPostgres.open(path.resolve(config.DATA_DIR, service), { turnTheLoop: true });
  return { database: embedded.forService(service), embedded };
}

/** RabbitMQ, else queues in the service's own PGlite (durable across a crash), else memory. */
async function connectBus(config: CommonConfig, embedded: EmbeddedPostgres | undefined, logger: Logger) {
  if (config.AMQP_URL) {
    const { RabbitMqBus } = await import('../bus/rabbitmq/rabbitmq-bus.js');
    return RabbitMqBus.connect({ url: config.AMQP_URL, logger });
  }
  if (embedded) {
    const { DurableInProcessBus } = await import('../bus/durable-in-process-bus.js');
    return DurableInProcessBus.open(embedded.client, logger);
  }
  return new InProcessBus(logger);
}

async function connectStore(config: CommonConfig, logger: Logger): Promise<KeyValueStore> {
  if (!config.REDIS_URL) return new MemoryStore();
  const { RedisStore } = await import('../cache/redis-store.js');
  return new RedisStore({
    url: config.REDIS_URL,
    namespace: 'sproul',
    logger,
    localCopy: config.DENYLIST_LOCAL_COPY === '1',
  });
}

/**
 * Connects one service to what its configuration names: PostgreSQL when DATABASE_URL is set (else its
 * own PGlite under DATA_DIR), RabbitMQ when AMQP_URL is set (else the in-process bus, durable in that
 * PGlite when there is one), Redis when REDIS_URL is set (else memory).
 */
export async function connectInfrastructure(service: string, config: CommonConfig): Promise<Infrastructure> {
  const logger = createLogger(service, config.LOG_LEVEL);
  const { database, embedded } = await openDatabase(service, config);
  const bus: EventBus = await connectBus(config, embedded, logger);
  const store = await connectStore(config, logger);
  return {
    logger,
    database,
    bus,
    store,
    async close() {
      await bus.close();
      await store.close();
      await database.close();
      await embedded?.close();
    },
  };
}
