import type { TokenVerifier } from '@sproul/common/auth';
import type { Db } from '@sproul/common/db';
import type { Logger } from '@sproul/common/logging';
import type { Outbox } from '@sproul/common/messaging';
import type { MediaConfig } from '../config.js';
import type { ObjectStore } from '../data-access/object-store.js';

/** What the media service's routes, handlers and jobs are given. */
export interface MediaContext {
  db: Db;
  outbox: Outbox;
  config: MediaConfig;
  logger: Logger;
  objects: ObjectStore;
  verifier: TokenVerifier;
  /** The time rows are stamped with (tests move it past the grace period). */
  clock: () => Date;
}
