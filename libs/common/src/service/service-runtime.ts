import type { Express } from 'express';
import type { EventBus, Subscription } from '../bus/event-bus.js';
import type { KeyValueStore } from '../cache/key-value-store.js';
import type { CommonConfig } from '../config/common-config.js';
import type { Database } from '../db/database.js';
import { migrateDatabase } from '../db/migrate.js';
import { createHttpApp } from '../http/create-app.js';
import type { ReadinessChecks } from '../http/health.js';
import { listRoutes } from '../http/list-routes.js';
import { listen, type RunningServer } from '../http/serve.js';
import type { Logger } from '../logging/logger.js';
import { type EventHandler, subscribeHandlers } from '../messaging/consumer.js';
import type { MessagingTables } from '../messaging/messaging-tables.js';
import { Outbox } from '../messaging/outbox.js';
import { OutboxRelay } from '../messaging/outbox-relay.js';

/** What a composition root hands a service: its infrastructure, already connected. */
export interface LegacyServiceDeps {
  config: CommonConfig;
  logger: Logger;
  database: Database;
  bus: EventBus;
  /** Shared short-lived state (denylists, counters, locks): Redis, or memory when embedded. */
  store: KeyValueStore;
}

/** What a service's use cases and routes get to work with. */
export interface ServiceContext extends LegacyServiceDeps {
  outbox: Outbox;
}

export interface LegacyServiceDefinition {
  name: string;
  migrationsFolder: string;
  messaging: MessagingTables;
  /** Runs after migrations, before handlers and routes: builds what they need; may return a stop step. */
  setup?: (context: ServiceContext) => Promise<(() => Promise<void>) | undefined>;
  handlers?: (context: ServiceContext) => EventHandler[];
  routes?: (app: Express, context: ServiceContext) => void;
  readiness?: (context: ServiceContext) => ReadinessChecks;
  /** Its OpenAPI document, served at /internal/openapi.json for the gateway to merge. */
  openapi?: () => object;
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  context: ServiceContext;
  /** Every method and path it answers (for checks such as the API document's completeness). */
  routes: { method: string; path: string }[];
  stop(): Promise<void>;
}

/**
 * Boots a service the same way in every run mode: migrate its schema, start relaying its outbox,
 * subscribe its event handlers, then serve HTTP. `stop` undoes it in reverse, draining what is in flight.
 */
export async function runService(
  definition: LegacyServiceDefinition,
  deps: LegacyServiceDeps,
): Promise<RunningService> {
  const { config, database, bus, store } = deps;
  const logger = deps.logger;
  await migrateDatabase(database, definition.migrationsFolder, config.DATABASE_URL);
  const outbox = new Outbox(database, definition.messaging.outbox, definition.messaging.aggregateVersions);
  const context: ServiceContext = { ...deps, outbox };
  const teardown = await definition.setup?.(context);
  const relay = new OutboxRelay({ database, table: definition.messaging.outbox, outbox, bus, logger });
  relay.start();

  let subscription: Subscription | undefined;
  const handlers = definition.handlers?.(context) ?? [];
  if (handlers.length > 0) {
    subscription = await subscribeHandlers({
      service: definition.name,
      bus,
      database,
      inbox: definition.messaging.inbox,
      appliedVersions: definition.messaging.appliedVersions,
      handlers,
      logger,
      outbox,
      maxAttempts: config.BUS_MAX_ATTEMPTS,
      retryDelaysMs: config.BUS_RETRY_DELAYS_MS,
    });
  }

  const { app } = createHttpApp({
    service: definition.name,
    logger,
    bodyLimit: config.BODY_LIMIT,
    readiness: {
      database: () => database.ping(),
      bus: () => bus.check(),
      store: () => store.ping(),
      ...definition.readiness?.(context),
    },
    routes: (app) => {
      if (definition.openapi) {
        const document = definition.openapi();
        app.get('/internal/openapi.json', (_req, res) => {
          res.json(document);
        });
      }
      definition.routes?.(app, context);
    },
  });
  const server: RunningServer = await listen(app, config.PORT ?? 0, config.HOST);
  logger.info({ url: server.url }, `${definition.name} listening`);

  return {
    name: definition.name,
    url: server.url,
    port: server.port,
    context,
    routes: listRoutes(app.router?.stack as never),
    async stop() {
      await server.close(config.SHUTDOWN_GRACE_MS);
      await subscription?.cancel();
      await relay.stop();
      await teardown?.();
    },
  };
}
