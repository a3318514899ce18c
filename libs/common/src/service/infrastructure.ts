import path from 'node:path';
import { DurableInProcessBus } from '../bus/durable-in-process-bus.js';
import type { EventBus } from '../bus/event-bus.js';
import { InProcessBus } from '../bus/in-process-bus.js';
import { RabbitMqBus } from '../bus/rabbitmq/rabbitmq-bus.js';
import type { KeyValueStore } from '../cache/key-value-store.js';
import { MemoryStore } from '../cache/memory-store.js';
import { RedisStore } from '../cache/redis-store.js';
import type { CommonConfig } from '../config/common-config.js';
import type { Database } from '../db/database.js';
import { EmbeddedPostgres } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';
import { createLogger, type Logger } from '../logging/logger.js';

export interface Infrastructure {
  logger: Logger;
  database: Database;
  bus: EventBus;
  store: KeyValueStore;
  close(): Promise<void>;
}

/**
 * Connects one service to what its configuration names: PostgreSQL when DATABASE_URL is set (else its
 * own PGlite under DATA_DIR), RabbitMQ when AMQP_URL is set (else the in-process bus, durable in that
 * PGlite when there is one), Redis when REDIS_URL is set (else memory).
 */
export async function connectInfrastructure(service: string, config: CommonConfig): Promise<Infrastructure> {
  const logger = createLogger(service, config.LOG_LEVEL);
  let embedded: EmbeddedPostgres | undefined;
  let database: Database;
  if (config.DATABASE_URL) {
    database = await openPostgres({ url: config.DATABASE_URL, service });
  } else {
    embedded = await EmbeddedPostgres.open(path.resolve(config.DATA_DIR, service));
    database = embedded.forService(service);
  }
  // Without RabbitMQ, queues live in the service's own PGlite when it has one (durable across a crash).
  const bus: EventBus = config.AMQP_URL
    ? await RabbitMqBus.connect({ url: config.AMQP_URL, logger })
    : embedded
      ? await DurableInProcessBus.open(embedded.client, logger)
      : new InProcessBus(logger);
  const store: KeyValueStore = config.REDIS_URL
    ? new RedisStore({ url: config.REDIS_URL, namespace: 'sproul', logger })
    : new MemoryStore();
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
