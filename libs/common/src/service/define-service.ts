import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metric } from 'prom-client';
import type { z } from 'zod';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { EventBus } from '../bus/event-bus.js';
import type { KeyValueStore } from '../cache/key-value-store.js';
import type { CommonConfig } from '../config/common-config.js';
import type { Database } from '../db/database.js';
import type { ReadinessChecks } from '../http/readiness-checks.js';
import type { Logger } from '../logging/logger.js';
import type { EventHandler } from '../messaging/consumer.js';
import type { MessagingTables } from '../messaging/messaging-tables.js';
import type { Outbox } from '../messaging/outbox.js';
import type { RouteDefinition } from './define-route.js';
import type { JobDefinition } from './jobs.js';

/** What a composition root hands a service: its infrastructure, already connected. */
export interface ServiceDeps {
  logger: Logger;
  database: Database;
  bus: EventBus;
  /** Shared short-lived state (denylists, counters, locks): Redis, or memory when embedded. */
  store: KeyValueStore;
  /** The time jobs are told it is (tests inject one); default the wall clock. */
  clock?: () => Date;
}

/** What `setup` builds from: the deps, and the outbox the kernel made on the service's tables. */
export interface KernelParts extends ServiceDeps {
  outbox: Outbox;
}

export interface ServiceDefinition<Config extends CommonConfig, Ctx> {
  name: string;
  /** Its own version, from its package.json (`packageVersion`): each service is deployed on its own. */
  version: string;
  /** The service's environment variables; the composition root parses them once and passes them in. */
  config: z.ZodType<Config>;
  /** Folder of its drizzle migrations. */
  migrations: string;
  messaging: MessagingTables;
  /** Builds the context its routes, handlers and jobs get, and says how to release what it opened. */
  setup: (parts: KernelParts, config: Config) => Promise<{ context: Ctx; stop?: () => Promise<void> }>;
  /** Verifies the access tokens of routes whose `auth` needs one. */
  verifier?: (ctx: Ctx) => TokenVerifier;
  routes?: RouteDefinition<Ctx>[];
  handlers?: (ctx: Ctx) => EventHandler[];
  jobs?: JobDefinition<Ctx, Config>[];
  /**
   * Answers some requests before express sees them (true when it took the request): for answers served
   * from memory, where express's middleware would cost more than the answer. Whatever it leaves goes
   * through the app as usual.
   */
  fastLane?: (ctx: Ctx) => (req: IncomingMessage, res: ServerResponse) => boolean;
  /** The service's own figures, served at `/metrics` with the kernel's (made with `registers: []`). */
  metrics?: (ctx: Ctx) => Metric[];
  /** Checks `/readyz` runs besides the database, the bus and the store. */
  readiness?: (ctx: Ctx) => ReadinessChecks;
}

/** Names a service's parts in one place; `startService` (or `runAsProcess`) runs it. */
export const defineService = <Config extends CommonConfig, Ctx>(definition: ServiceDefinition<Config, Ctx>) =>
  definition;
