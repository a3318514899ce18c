import { createTokenVerifier, type TokenVerifier } from '@sproul/common/auth';
import type { KeyValueStore } from '@sproul/common/cache';
import type { Db, Tx } from '@sproul/common/db';
import type { EventEnvelope } from '@sproul/common/events';
import type { Logger } from '@sproul/common/logging';
import type { Outbox } from '@sproul/common/messaging';
import type { AuthConfig } from '../config.js';
import { type Repositories, repositories } from '../data-access/repositories.js';
import { type DeferredWork, deferredWork } from './deferred-work.js';
import type { KeyRing } from './key-ring.js';
import { type StudentSignOn, studentSignOn } from './student-sign-on.js';
import type { TokenIssuer } from './tokens.js';

/** A unit of work: repositories bound to one transaction, and the events to commit with it. */
export type Work = Repositories & { tx: Tx; publish(...events: EventEnvelope[]): Promise<void> };

/** What auth's use cases work with; built once by the service's setup. */
export interface AuthContext {
  db: Db;
  store: KeyValueStore;
  outbox: Outbox;
  keyRing: KeyRing;
  tokens: TokenIssuer;
  /** Checks access tokens with auth's own keys (no JWKS fetch) and the shared denylist. */
  verifier: TokenVerifier;
  config: AuthConfig;
  logger: Logger;
  /** The service's clock (tests move it: phone codes expire by it). */
  clock: () => Date;
  /** Work done after answering (see `deferredWork`). */
  deferred: DeferredWork;
  /** Student single sign-on (it caches the provider's discovery document). */
  readonly signOn: StudentSignOn;
  transaction<T>(work: (unit: Work) => Promise<T>): Promise<T>;
  /** Repositories outside a transaction, for reads. */
  read: Repositories;
}

export function authContext(
  deps: Omit<AuthContext, 'transaction' | 'read' | 'verifier' | 'deferred' | 'signOn'>,
): AuthContext {
  const { outbox, keyRing, store, logger } = deps;
  let signOn: StudentSignOn | undefined;
  const context: AuthContext = {
    ...deps,
    verifier: createTokenVerifier({ keys: keyRing.verificationKeys, store }),
    deferred: deferredWork(logger),
    read: repositories(deps.db),
    transaction: (work) =>
      outbox.transaction((tx) =>
        work({ ...repositories(tx), tx, publish: (...events) => outbox.append(tx, events) }),
      ),
    get signOn() {
      signOn ??= studentSignOn(context);
      return signOn;
    },
  };
  return context;
}

export const SOURCE = 'auth';
