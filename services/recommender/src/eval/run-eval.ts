// `npm run eval -w services/recommender`: every algorithm on the committed evaluation set, in one run.

import {
  type EvalClub,
  type EvalSet,
  K,
  loadEvalSet,
  quality,
  type Rankings,
  round,
  splitsOf,
  spread,
} from '../domain/model/evaluation.js';
import { trainModel } from '../domain/model/train-model.js';
import { evalRankings } from '../domain/model/tune.js';
import { SimilarityIndex } from '../domain/similarity-index.js';

const set = loadEvalSet();
const splits = splitsOf(set);

/** A fixed pseudo-random order for ties and the random baseline: no algorithm gains from list order. */
const hash = (a: string, b: string) => {
  let h = 2166136261;
  for (const char of `${a}|${b}`) h = Math.imul(h ^ char.charCodeAt(0), 16777619);
  return h >>> 0;
};

const rankBy = (score: (query: EvalClub, other: EvalClub) => number): Rankings =>
  new Map(
    set.clubs.map((query) => [
      query.id,
      set.clubs
        .filter((other) => other.id !== query.id)
        .map((other) => ({ id: other.id, score: score(query, other), tie: hash(query.id, other.id) }))
        .sort((a, b) => b.score - a.score || a.tie - b.tie)
        .slice(0, K)
        .map((entry) => entry.id),
    ]),
  );

const tagCosine = (a: EvalClub, b: EvalClub) => {
  const shared = a.tags.filter((tag) => b.tags.includes(tag)).length;
  return shared > 0 ? shared / Math.sqrt(a.tags.length * b.tags.length) : 0;
};

const tfidfRankings = (evalSet: EvalSet, narrowByTags: boolean): Rankings => {
  const index = new SimilarityIndex(
    evalSet.clubs.map((club) => ({
      linkName: club.id,
      name: club.name,
      tags: club.tags,
      description: `${club.about_us}\n${club.get_involved}`,
    })),
    { narrowByTags },
  );
  return new Map(evalSet.clubs.map((club) => [club.id, index.similar(club.id, K)!.map((s) => s.link_name)]));
};

/**
 * Mean per-query difference of two algorithms and its 95% paired bootstrap interval (2 000 resamples,
 * seeded): a difference whose interval spans 0 is within what another draw of 160 queries could reverse.
 */
function pairedGap(a: Rankings, b: Rankings, queries: EvalClub[]) {
  const per = (metric: 'precision' | 'ndcg') =>
    queries.map((q) => quality(set, a, [q])[metric] - quality(set, b, [q])[metric]);
  let state = 7;
  const uniform = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  const interval = (diffs: number[]) => {
    const means: number[] = [];
    for (let r = 0; r < 2000; r++) {
      let sum = 0;
      for (let i = 0; i < diffs.length; i++) sum += diffs[Math.floor(uniform() * diffs.length)]!;
      means.push(sum / diffs.length);
    }
    means.sort((x, y) => x - y);
    const mean = diffs.reduce((x, y) => x + y, 0) / diffs.length;
    return `${round(mean)} [${round(means[49]!)}, ${round(means[1949]!)}]`;
  };
  return { precision: interval(per('precision')), ndcg: interval(per('ndcg')) };
}

const trained = await trainModel([], set);
const algorithms: [string, Rankings][] = [
  ['random', rankBy((query, other) => 0 * tagCosine(query, other))],
  ['tag', rankBy(tagCosine)],
  ['tfidf', tfidfRankings(set, false)],
  ['today', tfidfRankings(set, true)],
  ['ours', await evalRankings(trained.text, trained.params, set)],
];

console.log(
  `eval set: ${set.clubs.length} clubs, ${new Set(set.clubs.map((c) => c.kind)).size} kinds; ` +
    `tuning ${splits.tuning.length} queries, held out ${splits.heldOut.length}, hard ${splits.hard.length}`,
);
console.log(
  `ours: LSA ${trained.params.dims} dims + tags (weight ${trained.params.tagWeight}), popularity penalty ${trained.params.penalty}; ` +
    `trained on the ${trained.backend} backend in ${trained.trainMs} ms (with tuning)`,
);
console.log('');
const header = ['algorithm', 'P@3', 'nDCG@3', 'hard P@3', 'hard nDCG@3', 'coverage', 'max_share'];
console.log(header.map((h) => h.padEnd(12)).join(''));
const figures = new Map<string, { precision: number; coverage: number; maxShare: number }>();
for (const [name, rankings] of algorithms) {
  const heldOut = quality(set, rankings, splits.heldOut);
  const hard = quality(set, rankings, splits.hard);
  const { coverage, maxShare } = spread(set, rankings);
  figures.set(name, { precision: heldOut.precision, coverage, maxShare });
  console.log(
    [name, heldOut.precision, heldOut.ndcg, hard.precision, hard.ndcg, coverage, maxShare]
      .map((value) => String(value).padEnd(12))
      .join(''),
  );
}
console.log('');
console.log(
  'held-out queries (weights were chosen on the tuning queries); today = TF-IDF with upstream’s tag filter',
);
const f = (name: string) => figures.get(name)!;
const rankingsOf = new Map(algorithms);
for (const [label, queries] of [
  ['tuning', splits.tuning],
  ['held-out', splits.heldOut],
  ['hard', splits.hard],
] as const) {
  const gap = pairedGap(rankingsOf.get('ours')!, rankingsOf.get('today')!, queries);
  console.log(`ours − today, ${label} queries: P@3 ${gap.precision}, nDCG@3 ${gap.ndcg}`);
}
console.log(
  `precision@3 ours=${f('ours').precision} tfidf=${f('tfidf').precision} tag=${f('tag').precision} ` +
    `random=${f('random').precision} coverage=${f('ours').coverage} max_share=${f('ours').maxShare}`,
);
