import type { Db } from '@sproul/common/db';
import type { Logger } from '@sproul/common/logging';
import type { Outbox } from '@sproul/common/messaging';
import type { RecommenderConfig } from '../config.js';
import { type CorpusClub, clubCorpusRepository } from '../data-access/club-corpus-repository.js';
import { modelStore } from '../data-access/model-store.js';
import { ClubSpace, type SpaceClub } from './model/club-space.js';
import { type EvalSet, loadEvalSet } from './model/evaluation.js';
import { trainInWorker } from './model/train-in-worker.js';
import type { ModelFigures } from './model/tune.js';
import { announceSimilarClubsChanged } from './similar-clubs-changed.js';
import { type SimilarClub, SimilarityIndex } from './similarity-index.js';
import { studentPopularity } from './student-popularity.js';

/** Fewest changes that count as drift, so a campus of five clubs does not retrain on every edit. */
const MIN_DRIFT_CHANGES = 20;

export interface ModelInfo {
  version: number;
  backend: string;
  createdAt: Date;
  corpusSize: number;
  trainMs: number;
  params: ClubSpace['params'];
  figures: ModelFigures;
}

export interface RetrainOutcome {
  version: number;
  accepted: boolean;
  figures: ModelFigures;
}

const spaceClub = (club: CorpusClub): SpaceClub => ({
  clubId: club.clubId,
  linkName: club.linkName,
  name: club.name,
  tags: club.tags,
  description: club.description,
});

/**
 * The answering model and the visible clubs placed in it. Club events are folded into the current
 * model at once (no rebuild); a retrain runs in the background on a schedule or on drift, and its
 * model replaces the current one (one assignment: a query in flight finishes on the space it started
 * with) only if it does not do worse on the committed evaluation set. A restart loads the newest
 * accepted version and places the clubs in it, without training. Every swap is announced
 * (SimilarClubsChanged), so that answers built from the old model's lists are dropped.
 */
export function createRecommender(
  db: Db,
  logger: Logger,
  config: Pick<RecommenderConfig, 'RECOMMENDER_DRIFT_SHARE' | 'RECOMMENDER_SWAP_TOLERANCE'>,
  outbox: Outbox,
  evalSet: EvalSet = loadEvalSet(),
) {
  const visible = new Map<string, CorpusClub>();
  let space: ClubSpace | undefined;
  let model: ModelInfo | undefined;
  let fallback = new SimilarityIndex([]);
  /** Until a first model is trained, TF-IDF answers; rebuilt when asked after a change. */
  let fallbackStale = false;
  let changesSinceTraining = 0;
  let training: Promise<RetrainOutcome> | undefined;
  /** Changes that arrive while a retrain builds its space, applied to it before the swap. */
  let pendingForNext: ((next: ClubSpace) => void)[] | undefined;
  let stopped = false;
  const stopping = new AbortController();

  const rebuildFallback = () => {
    fallback = new SimilarityIndex([...visible.values()]);
    fallbackStale = false;
  };

  /**
   * Trains a candidate on the current corpus; `force` swaps it in whatever its figures (an operator's
   * "retrain now", and tests that need the model of a settled corpus). A call during a retrain joins it.
   */
  async function retrain(reason: string, options: { force?: boolean } = {}): Promise<RetrainOutcome> {
    training ??= (async () => {
      pendingForNext = [];
      try {
        const corpus = sortedCorpus();
        // In a worker thread: this one keeps answering from the current space at full speed meanwhile.
        const trained = await trainInWorker(corpus, evalSet, stopping.signal);
        const accepted =
          options.force ||
          !model ||
          trained.figures.precision >= model.figures.precision - config.RECOMMENDER_SWAP_TOLERANCE;
        if (stopped) return { version: 0, accepted: false, figures: trained.figures };
        const version = await modelStore(db).save(trained, accepted, reason);
        const swapped = accepted && !stopped;
        if (swapped) {
          const next = await trained.space();
          for (const apply of pendingForNext) apply(next);
          changesSinceTraining = pendingForNext.length;
          space = next;
          model = {
            version,
            backend: trained.backend,
            corpusSize: trained.corpusSize,
            trainMs: trained.trainMs,
            params: trained.params,
            figures: trained.figures,
            createdAt: new Date(),
          };
        }
        logger.info(
          {
            version,
            accepted,
            reason,
            backend: trained.backend,
            ms: trained.trainMs,
            figures: trained.figures,
          },
          accepted
            ? 'recommender model trained and swapped in'
            : 'recommender model trained, kept out: worse',
        );
        // After the swap, never before: a catalog that asks again on hearing it gets the new lists.
        if (swapped) await announceRetrained(version);
        return { version, accepted, figures: trained.figures };
      } finally {
        pendingForNext = undefined;
        training = undefined;
        // Clubs that arrived while it trained (a first start's whole catalog) may be drift already.
        if (model && !stopped && changesSinceTraining >= driftThreshold())
          setImmediate(() => retrainInBackground('drift'));
      }
    })();
    return training;
  }

  /** In id order: the same clubs give the same model, whatever order their events came in. */
  function sortedCorpus() {
    return [...visible.values()].sort((a, b) => (a.clubId < b.clubId ? -1 : 1)).map(spaceClub);
  }

  function driftThreshold() {
    return Math.max(MIN_DRIFT_CHANGES, config.RECOMMENDER_DRIFT_SHARE * (model?.corpusSize ?? 0));
  }

  /**
   * In its own transaction. A failure is logged rather than thrown: the model answers already, and a
   * retrain asked for reports its outcome; cached answers then keep the old lists until their next change.
   */
  async function announceRetrained(version: number) {
    try {
      await outbox.transaction((tx) => announceSimilarClubsChanged(outbox, tx, 'retrained'));
    } catch (error) {
      logger.error({ err: error, version }, 'recommender could not announce its new model');
    }
  }

  const retrainInBackground = (reason: string) => {
    retrain(reason).catch((error) => {
      if (!stopped) logger.error({ err: error, reason }, 'recommender retrain failed');
    });
  };

  /** Applies a change to the answering space now, and to a space being trained when it is swapped in. */
  function apply(change: (target: ClubSpace) => void) {
    if (space) change(space);
    pendingForNext?.push(change);
    if (!space) fallbackStale = true;
    changesSinceTraining += 1;
    if (model && !training && changesSinceTraining >= driftThreshold()) retrainInBackground('drift');
  }

  return {
    db,
    /** Where club changes folded in are announced, in their handler's transaction. */
    outbox,
    students: studentPopularity(db),
    /** Loads the corpus and the newest accepted model; with none yet, trains one in the background. */
    async start() {
      for (const club of await clubCorpusRepository(db).all())
        if (club.visible) visible.set(club.clubId, club);
      rebuildFallback();
      const stored = await modelStore(db).latestAccepted();
      if (!stored) {
        retrainInBackground('first start');
        return;
      }
      const loaded = new ClubSpace(stored.text, stored.params);
      await loaded.build(sortedCorpus());
      space = loaded;
      model = stored;
      logger.info({ version: stored.version, clubs: visible.size }, 'recommender model loaded');
    },
    retrain,
    /** After a club's corpus row was stored: a visible club is (re)placed, a hidden one leaves. */
    clubChanged(club: CorpusClub) {
      if (club.visible) {
        visible.set(club.clubId, club);
        apply((target) => target.upsert(spaceClub(club)));
      } else {
        visible.delete(club.clubId);
        apply((target) => target.remove(club.clubId));
      }
    },
    clubDeleted(clubId: string) {
      visible.delete(clubId);
      apply((target) => target.remove(clubId));
    },
    /** The k visible clubs most similar to one; undefined when the club is unknown or not visible. */
    similar(linkName: string, k: number): SimilarClub[] | undefined {
      if (!space) {
        if (fallbackStale) rebuildFallback();
        return fallback.similar(linkName, k);
      }
      const clubId = space.clubIdOf(linkName);
      if (clubId === undefined) return undefined;
      return space.neighbours(clubId, k)!.map((n) => ({
        link_name: space!.club(n.clubId)!.linkName,
        score: Math.round(n.score * 1e4) / 1e4,
      }));
    },
    neighbourIds(clubId: string, k: number): { clubId: string; score: number }[] {
      // The unpenalised similarity: the hub penalty spreads club pages' lists, it says nothing of a student.
      const current = space;
      if (current) {
        return (current.neighbours(clubId, k) ?? []).map((n) => ({
          clubId: n.clubId,
          score: current.similarity(clubId, n.clubId),
        }));
      }
      if (fallbackStale) rebuildFallback();
      const club = visible.get(clubId);
      const similar = club ? (fallback.similar(club.linkName, k) ?? []) : [];
      return similar.flatMap((s) => {
        const id = [...visible.values()].find((c) => c.linkName === s.link_name)?.clubId;
        return id ? [{ clubId: id, score: s.score }] : [];
      });
    },
    visibleClubs: () => visible,
    model: () => model,
    training: () => training !== undefined,
    /** Stops a retrain in flight at its next step (within a second) and waits for it; it will not swap. */
    async stop() {
      stopped = true;
      stopping.abort();
      await training?.catch(() => undefined);
    },
  };
}

export type Recommender = ReturnType<typeof createRecommender>;
