import type { KeyValueStore } from '@sproul/common/cache';
import type { Db, Tx } from '@sproul/common/db';
import type { EventEnvelope } from '@sproul/common/events';
import type { Logger } from '@sproul/common/logging';
import type { Outbox } from '@sproul/common/messaging';
import type { AuthConfig } from '../config.js';
import { type Repositories, repositories } from '../data-access/repositories.js';
import type { KeyRing } from './key-ring.js';
import type { TokenIssuer } from './tokens.js';

/** A unit of work: repositories bound to one transaction, and the events to commit with it. */
export type Work = Repositories & { tx: Tx; publish(...events: EventEnvelope[]): Promise<void> };

/** What auth's use cases work with; built once by the service's start(). */
export interface AuthContext {
  db: Db;
  store: KeyValueStore;
  keyRing: KeyRing;
  tokens: TokenIssuer;
  config: AuthConfig;
  logger: Logger;
  transaction<T>(work: (unit: Work) => Promise<T>): Promise<T>;
  /** Repositories outside a transaction, for reads. */
  read: Repositories;
}

export function authContext(
  deps: Omit<AuthContext, 'transaction' | 'read'> & { outbox: Outbox },
): AuthContext {
  const { outbox, ...rest } = deps;
  return {
    ...rest,
    read: repositories(deps.db),
    transaction: (work) =>
      outbox.transaction((tx) =>
        work({ ...repositories(tx), tx, publish: (...events) => outbox.append(tx, events) }),
      ),
  };
}

export const SOURCE = 'auth';
