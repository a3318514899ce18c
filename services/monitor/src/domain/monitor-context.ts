import type { TokenVerifier } from '@sproul/common/auth';
import type { EventBus } from '@sproul/common/bus';
import type { Db } from '@sproul/common/db';
import type { Logger } from '@sproul/common/logging';
import type { Outbox } from '@sproul/common/messaging';
import type { MonitorConfig } from '../config.js';
import type { StatsCache } from './stats/stats-cache.js';

/** What the monitor's routes, handlers and jobs work with; built once by the service's setup. */
export interface MonitorContext {
  db: Db;
  outbox: Outbox;
  /** The event bus itself, for its health (the admin web app's event bus page). */
  bus: EventBus;
  config: MonitorConfig;
  logger: Logger;
  verifier: TokenVerifier;
  /** The time statistics are computed at (tests inject one). */
  clock: () => Date;
  /** Computed statistics, answered again for `STATS_CACHE_MS`. */
  cache: StatsCache;
}
