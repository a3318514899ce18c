import type { EventBus } from '../bus/event-bus.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import type { EventHandler } from './event-handler.js';
import type { MessagingMetrics } from './messaging-metrics.js';
import type { AppliedVersionsTable, InboxTable } from './messaging-tables.js';
import type { Outbox } from './outbox.js';

export interface ConsumerOptions {
  service: string;
  bus: EventBus;
  database: Database;
  inbox: InboxTable;
  /**
   * The last version applied per aggregate (`messagingTables`). Without it events apply in arrival
   * order, as before versions existed; every service passes it (startService).
   */
  appliedVersions?: AppliedVersionsTable;
  handlers: EventHandler[];
  logger: Logger;
  /** Woken after each commit, since handlers may have appended events. */
  outbox?: Outbox;
  maxAttempts: number;
  retryDelaysMs: number[];
  prefetch?: number;
  /** Deliveries per transaction (default: the prefetch). */
  batchSize?: number;
  /** Counts each delivery's outcome. */
  metrics?: MessagingMetrics;
}
