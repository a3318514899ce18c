// The embedded platform (what `npm start` runs): the gateway and every service in one process, on
// one PGlite under DATA_DIR (a schema per service), the durable in-process bus and one in-memory store.
// Services listen on loopback ports and the gateway proxies to them exactly as in the other modes.
import path from 'node:path';
import { createAdminAccount } from '@sproul/auth';
import { DurableInProcessBus } from '@sproul/common/bus/durable';
import { MemoryStore } from '@sproul/common/cache';
import { type CommonConfig, loadConfig } from '@sproul/common/config';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';
import { createLogger, type DestinationStream } from '@sproul/common/logging';
import { type StartedService, startService } from '@sproul/common/service';
import { type GatewayConfig, start as startGateway } from '@sproul/gateway';
import { startSesEmulator } from '@sproul/mailer';
import { openControlChannel } from './control-channel.js';
import type { DemoAccountInfo } from './demo-accounts.js';
import { startEmbeddedS3 } from './embedded-s3.js';
import { prepareFirstUse, startStudentSignOn } from './first-use.js';
import { services } from './services.js';

export interface EmbeddedPlatform {
  url: string;
  /** The gateway's `/readyz` and `/metrics`, on loopback. */
  internalUrl: string;
  bus: DurableInProcessBus;
  /** The demo accounts created or refreshed at start (none with SEED_DEMO=0). */
  demoAccounts: DemoAccountInfo[];
  /** Each service's own (internal) base URL, on loopback: for tests that look behind the gateway. */
  serviceUrls: Record<string, string>;
  /** The one PGlite every service keeps its schema in: for harnesses that check the data itself. */
  database: EmbeddedPostgres;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Where every log line goes (default stdout): a harness that checks what the platform logs. */
  logDestination?: DestinationStream;
}

export async function startEmbedded(
  config: GatewayConfig & CommonConfig,
  options: EmbeddedOptions = {},
): Promise<EmbeddedPlatform> {
  const loggerOf = (name: string) => createLogger(name, config.LOG_LEVEL, options.logDestination);
  // Links in emails (confirmation, magic links) point at the gateway unless configured otherwise.
  const publicBaseUrl = process.env.PUBLIC_BASE_URL || `http://127.0.0.1:${config.PORT}`;
  // Throws DataDirLockedError while another process (a running `npm start`) holds the data. The
  // sign-on provider and the SES emulator (neither writes under DATA_DIR) start meanwhile (the database
  // takes seconds to open, mostly on this thread).
  const starting = [
    EmbeddedPostgres.open(path.resolve(config.DATA_DIR, 'embedded'), { turnTheLoop: true }),
    startStudentSignOn(publicBaseUrl),
    startSesEmulator(),
  ] as const;
  const settled = await Promise.allSettled(starting);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) {
    for (const result of settled) if (result.status === 'fulfilled') await result.value.close();
    throw failed.reason;
  }
  const [database, signOn, mail] = await Promise.all(starting);
  // `npm run admin:create` asks this process, the data's owner, to create admins while it runs.
  const control = await openControlChannel(config.DATA_DIR, {
    createAdmin: (email, password) => createAdminAccount(database.forService('auth'), email, password),
  });
  // Queues live in the same PGlite as the outboxes (schema `bus`): a crash loses no handed-over event.
  const bus = await DurableInProcessBus.open(database.client, loggerOf('bus'));
  // What starting queues (a first start's seed and replays) is worked through once the gateway answers.
  bus.hold();
  // One store for all, as they share one Redis in the other modes (the token denylist must be common).
  const store = new MemoryStore();
  // Email goes to the SES emulator; the gateway shows what it got at /_dev/mail. Club images go to an
  // S3-compatible store in this process, files under DATA_DIR/s3 (now that the data is ours), on the
  // port of the last start when it is free (the stored image URLs name it).
  const s3 = await startEmbeddedS3(path.resolve(config.DATA_DIR, 's3'), 0, true);
  // The embedded mode is one process: its services never read DATABASE_URL or AMQP_URL (an empty
  // variable is an unset one).
  const embeddedEnv = {
    PORT: '0',
    DATABASE_URL: '',
    AMQP_URL: '',
    REDIS_URL: '',
    PUBLIC_BASE_URL: publicBaseUrl,
    SES_ENDPOINT: mail.url,
    ...signOn.config,
    ...s3.env,
  };
  const running: StartedService<unknown>[] = [];
  for (const service of services) {
    // Each service learns where the ones started before it listen (on loopback ports chosen at start):
    // the catalog verifies tokens with auth's keys and asks the recommender for similar clubs.
    const peers = Object.fromEntries(
      running.map((started) => [`${started.name.toUpperCase()}_URL`, started.url]),
    );
    const deps = {
      logger: loggerOf(service.name),
      database: database.forService(service.name),
      bus,
      store,
    };
    // Parsed from the environment once, with what this process decides laid over it.
    const serviceConfig = loadConfig(service.definition.config, { ...process.env, ...embeddedEnv, ...peers });
    running.push(await startService(service.definition, deps, serviceConfig));
  }
  const firstUse = await prepareFirstUse(database, signOn, loggerOf('embedded'));
  const urlOf = (name: string) => running.find((service) => service.name === name)!.url;
  const gateway = await startGateway({
    config: {
      ...config,
      AUTH_URL: urlOf('auth'),
      CATALOG_URL: urlOf('catalog'),
      MEDIA_URL: urlOf('media'),
      MAILER_URL: urlOf('mailer'),
      RECOMMENDER_URL: urlOf('recommender'),
      MONITOR_URL: urlOf('monitor'),
      ENGAGEMENT_URL: urlOf('engagement'),
      // One process on a developer's machine: a free port unless one is asked for, so that PORT + 1000
      // being taken never stops npm start. The URL is printed at start.
      INTERNAL_PORT: config.INTERNAL_PORT ?? 0,
      DEV_MAIL_URL: mail.url,
    },
    logger: loggerOf('gateway'),
    store,
    home: {
      ...firstUse.home,
      links: [
        ...(firstUse.home.links ?? []),
        { href: '/_dev/mail', label: 'Sent mail', description: 'every email the platform sent, rendered' },
      ],
    },
  });
  bus.release();
  return {
    url: gateway.url,
    internalUrl: gateway.internalUrl,
    bus,
    demoAccounts: firstUse.demoAccounts,
    serviceUrls: Object.fromEntries(running.map((service) => [service.name, service.url])),
    database,
    async stop() {
      await control.close();
      await gateway.stop();
      for (const service of [...running].reverse()) await service.stop();
      await signOn.close();
      await mail.close();
      await s3.close();
      await bus.close();
      await store.close();
      await database.close();
    },
  };
}
