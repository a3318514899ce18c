import type { ChannelSubscription, Database } from '@sproul/common/db';
import type { Logger } from '@sproul/common/logging';
import { CATALOG_CHANGED_CHANNEL } from '../data-access/catalog-change-notice.js';
import type { AnswerCache } from './answer-cache.js';

/**
 * Keeps a replica's cache in step with every replica's writes: the catalog's tables notify
 * CATALOG_CHANGED_CHANNEL from triggers (migration 0012), and PostgreSQL delivers it to every listening
 * replica when the writing transaction commits, whichever replica, job, handler or hand-run SQL wrote.
 * Through the database rather than the bus or Redis: it is the one place that knows when a change is
 * committed, and it needs nothing more to be running. While the listening connection is down the cache
 * is suspended (reads go to the database), and it resumes empty.
 */
export function followCatalogChanges(
  database: Database,
  cache: AnswerCache,
  logger: Logger,
): Promise<ChannelSubscription> {
  let lostAt: number | undefined;
  return database.listen(CATALOG_CHANGED_CHANNEL, {
    notified: () => cache.invalidate(),
    lost() {
      if (lostAt === undefined) {
        lostAt = Date.now();
        logger.warn('not hearing catalog changes: answering every read from the database until it is back');
      }
      cache.suspended();
    },
    restored() {
      if (lostAt !== undefined)
        logger.info({ afterMs: Date.now() - lostAt }, 'hearing catalog changes again');
      lostAt = undefined;
      cache.resumed();
    },
  });
}
