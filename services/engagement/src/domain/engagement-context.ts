import type { TokenVerifier } from '@sproul/common/auth';
import type { Db } from '@sproul/common/db';
import type { InternalClient } from '@sproul/common/http-client';
import type { Logger } from '@sproul/common/logging';
import type { Outbox } from '@sproul/common/messaging';
import type { EngagementConfig } from '../config.js';

/** What the engagement service's routes and handlers are given. */
export interface EngagementContext {
  db: Db;
  outbox: Outbox;
  config: EngagementConfig;
  logger: Logger;
  verifier: TokenVerifier;
  /** Media's internal HTTP API (students' résumés). */
  media: InternalClient;
  /** The time moves are stamped with. */
  clock: () => Date;
}
