import type { Db } from '@sproul/common/db';
import type { Logger } from '@sproul/common/logging';
import { clubCorpusRepository } from '../data-access/club-corpus-repository.js';
import { type SimilarClub, SimilarityIndex } from './similarity-index.js';

/** How long a burst of club changes is gathered before the index is rebuilt once for all of them. */
const REBUILD_DELAY_MS = 250;

/**
 * Keeps a similarity index of the visible clubs up to date with the corpus. Changes schedule one
 * rebuild shortly after (a burst of events costs one); a club asked for that the index does not know
 * yet (created since the last build) triggers a rebuild right away, where upstream answered a 500.
 */
export function createRecommender(db: Db, logger: Logger) {
  let index = new SimilarityIndex([]);
  let building: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function rebuild() {
    // One build at a time; a request arriving during a build waits for it rather than starting another.
    building ??= (async () => {
      try {
        const started = performance.now();
        const corpus = (await clubCorpusRepository(db).all()).filter((club) => club.visible);
        index = new SimilarityIndex(corpus);
        logger.debug(
          { clubs: index.size, ms: Math.round(performance.now() - started) },
          'similarity index built',
        );
      } finally {
        building = undefined;
      }
    })();
    return building;
  }

  return {
    rebuild,
    /** Called after a change to the corpus has been stored. */
    changed() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        rebuild().catch((error) => logger.error({ err: error }, 'similarity index rebuild failed'));
      }, REBUILD_DELAY_MS);
      timer.unref();
    },
    /** The k visible clubs most similar to one; undefined when the club is unknown or not visible. */
    async similar(linkName: string, k: number): Promise<SimilarClub[] | undefined> {
      if (!index.has(linkName)) await rebuild();
      return index.similar(linkName, k);
    },
    stop() {
      clearTimeout(timer);
    },
  };
}

export type Recommender = ReturnType<typeof createRecommender>;
