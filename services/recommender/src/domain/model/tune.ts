import { ClubSpace, type ScoreParams } from './club-space.js';
import { type EvalSet, evalCorpus, K, quality, type Rankings, splitsOf, spread } from './evaluation.js';
import type { TextModel } from './text-model.js';

/** The targets of issue 19 that a choice of weights must meet where it can. */
const MIN_COVERAGE = 0.9;
const MAX_SHARE = 0.05;

const GRID = {
  dims: [50, 100, 150],
  tagWeight: [0, 0.1, 0.2, 0.3, 0.4, 0.5],
  penalty: [0, 0.25, 0.5, 0.75, 1],
};

export interface ModelFigures {
  /** Held-out queries: the figure reported and compared between versions. */
  precision: number;
  ndcg: number;
  hardPrecision: number;
  hardNdcg: number;
  tuningPrecision: number;
  coverage: number;
  maxShare: number;
}

/** The eval clubs' top 3 by a model with these weights. */
export async function evalRankings(model: TextModel, params: ScoreParams, set: EvalSet): Promise<Rankings> {
  const space = new ClubSpace(model, params);
  await space.build(evalCorpus(set));
  const rankings: Rankings = new Map();
  for (const club of set.clubs) {
    const top = space.neighbours(`eval:${club.id}`, K) ?? [];
    rankings.set(
      club.id,
      top.map((n) => n.clubId.slice('eval:'.length)),
    );
  }
  return rankings;
}

/** Figures of a model with given weights on the committed set. */
export async function figuresOf(model: TextModel, params: ScoreParams, set: EvalSet): Promise<ModelFigures> {
  const rankings = await evalRankings(model, params, set);
  const splits = splitsOf(set);
  const heldOut = quality(set, rankings, splits.heldOut);
  const hard = quality(set, rankings, splits.hard);
  const { coverage, maxShare } = spread(set, rankings);
  return {
    precision: heldOut.precision,
    ndcg: heldOut.ndcg,
    hardPrecision: hard.precision,
    hardNdcg: hard.ndcg,
    tuningPrecision: quality(set, rankings, splits.tuning).precision,
    coverage,
    maxShare,
  };
}

/**
 * Chooses the weights on the tuning queries only: the best precision@3 (then nDCG@3) among the
 * choices meeting the coverage and max_share targets (all choices when none does); the figures
 * returned are the held-out ones.
 */
export async function tuneWeights(model: TextModel, set: EvalSet, signal?: AbortSignal) {
  const splits = splitsOf(set);
  let best: { params: ScoreParams; key: number[] } | undefined;
  for (const dims of GRID.dims.filter((d) => d <= Math.max(model.dims, GRID.dims[0]!))) {
    for (const tagWeight of GRID.tagWeight) {
      for (const penalty of GRID.penalty) {
        signal?.throwIfAborted();
        const params = { dims, tagWeight, penalty };
        const rankings = await evalRankings(model, params, set);
        const tuning = quality(set, rankings, splits.tuning);
        const { coverage, maxShare } = spread(set, rankings);
        const meets = coverage >= MIN_COVERAGE && maxShare <= MAX_SHARE ? 1 : 0;
        const key = [meets, tuning.precision, tuning.ndcg];
        if (!best || compareKeys(key, best.key) > 0) best = { params, key };
      }
    }
  }
  const params = best!.params;
  return { params, figures: await figuresOf(model, params, set) };
}

function compareKeys(a: number[], b: number[]) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
