import type { Subscription } from '../bus/event-bus.js';
import type { CommonConfig } from '../config/common-config.js';
import { migrateDatabase } from '../db/migrate.js';
import { listRoutes } from '../http/list-routes.js';
import { listen } from '../http/serve.js';
import { type Circuit, circuitStateMetric, collectCircuits } from '../http-client/circuit-metrics.js';
import { subscribeHandlers } from '../messaging/consumer.js';
import { MessagingMetrics } from '../messaging/messaging-metrics.js';
import { Outbox } from '../messaging/outbox.js';
import { OutboxRelay } from '../messaging/outbox-relay.js';
import type { KernelParts, ServiceDefinition, ServiceDeps } from './define-service.js';
import { type RunningJobs, startJobs } from './jobs.js';
import { serviceApp } from './service-app.js';

export interface StartedService<Ctx, Config extends CommonConfig = CommonConfig> {
  name: string;
  url: string;
  port: number;
  config: Config;
  /** What `setup` built: what routes, handlers and jobs are given. */
  context: Ctx;
  /** The infrastructure it runs on, and its outbox. */
  parts: KernelParts;
  jobs: RunningJobs;
  /** Every method and path it answers (for checks such as the API document's completeness). */
  routes: { method: string; path: string }[];
  stop(): Promise<void>;
}

/**
 * Boots a service the same way in every run mode: migrate its schema, build its context, start relaying
 * its outbox, subscribe its event handlers, start its jobs, then serve HTTP. `stop` undoes it in
 * reverse, draining what is in flight.
 */
export async function startService<Config extends CommonConfig, Ctx>(
  definition: ServiceDefinition<Config, Ctx>,
  deps: ServiceDeps,
  config: Config,
): Promise<StartedService<Ctx, Config>> {
  const { database, bus, logger } = deps;
  await migrateDatabase(database, definition.migrations, config.DATABASE_URL);
  const { messaging } = definition;
  const outbox = new Outbox(database, messaging.outbox, messaging.aggregateVersions);
  const parts: KernelParts = { ...deps, outbox };
  const circuits = new Set<Circuit>();
  const { context, stop: teardown } = await collectCircuits(circuits, () => definition.setup(parts, config));
  const counts = new MessagingMetrics();
  const relay = new OutboxRelay({ database, table: messaging.outbox, outbox, bus, logger, metrics: counts });
  relay.start();

  let subscription: Subscription | undefined;
  const handlers = definition.handlers?.(context) ?? [];
  if (handlers.length > 0) {
    subscription = await subscribeHandlers({
      service: definition.name,
      bus,
      database,
      inbox: messaging.inbox,
      appliedVersions: messaging.appliedVersions,
      handlers,
      logger,
      outbox,
      maxAttempts: config.BUS_MAX_ATTEMPTS,
      retryDelaysMs: config.BUS_RETRY_DELAYS_MS,
      metrics: counts,
    });
  }
  const jobs = startJobs(definition.jobs ?? [], {
    ctx: context,
    config,
    logger,
    clock: deps.clock ?? (() => new Date()),
  });

  const app = serviceApp(definition, context, deps, config, [
    ...counts.metrics({
      database,
      outbox: messaging.outbox,
      bus,
      queue: handlers.length > 0 ? definition.name : undefined,
    }),
    circuitStateMetric(circuits),
  ]);
  const fastLane = definition.fastLane?.(context);
  const server = await listen(
    fastLane ? (req, res) => fastLane(req, res) || app(req, res) : app,
    config.PORT ?? 0,
    config.HOST,
  );
  logger.info({ url: server.url }, `${definition.name} listening`);

  return {
    name: definition.name,
    url: server.url,
    port: server.port,
    config,
    context,
    parts,
    jobs,
    routes: listRoutes(app.router?.stack as never),
    async stop() {
      await server.close(config.SHUTDOWN_GRACE_MS);
      await jobs.stop();
      await subscription?.cancel();
      // The service's own stop may still append events (work it finishes after answering): the relay
      // stops last, so what it appends meanwhile can still go out now rather than at the next start.
      await teardown?.();
      await relay.stop();
    },
  };
}
