import type { TokenVerifier } from '@sproul/common/auth';
import type { Db } from '@sproul/common/db';
import type { Logger } from '@sproul/common/logging';
import type { Outbox } from '@sproul/common/messaging';
import type { CatalogConfig } from '../config.js';
import type { ReadCache } from '../read-cache/read-cache.js';
import type { SimilarClubsSource } from './clubs/similar-clubs-source.js';
import type { StudentClubsSource } from './clubs/student-clubs-source.js';
import type { SearchCounter } from './search/search-counter.js';

/** What the catalog's use cases work with: built once in the service's `setup`, handed to routes and handlers. */
export interface CatalogContext {
  db: Db;
  outbox: Outbox;
  config: CatalogConfig;
  /** The time it is (tests inject one): today's events, when a removed event was cancelled. */
  clock: () => Date;
  logger: Logger;
  verifier: TokenVerifier;
  /** The recommender's similar clubs (link names), or an error when it is down or slow. */
  similarClubs: SimilarClubsSource;
  /** Searches answered since the last report (`search-count` job). */
  searches: SearchCounter;
  /** The recommender's clubs for a student, with reasons, or an error when it is down or slow. */
  studentClubs: StudentClubsSource;
  /** Public answers from memory, kept in step with every committed change. */
  readCache: ReadCache;
}
