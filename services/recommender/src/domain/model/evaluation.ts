import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const evalClub = z.object({
  id: z.string(),
  kind: z.string(),
  family: z.string(),
  name: z.string(),
  link_name: z.string(),
  tags: z.array(z.number().int()),
  about_us: z.string(),
  get_involved: z.string(),
});
const evalSetSchema = z.object({
  clubs: z.array(evalClub).min(1),
  relevance: z.object({ same_kind: z.number(), same_family: z.number() }),
  splits: z.object({ hard_families: z.array(z.string()) }),
});

export type EvalClub = z.infer<typeof evalClub>;
export type EvalSet = z.infer<typeof evalSetSchema>;

/** The committed evaluation set (eval/clubs.json, beside src/ and dist/). */
export function loadEvalSet(): EvalSet {
  const file = fileURLToPath(new URL('../../../eval/clubs.json', import.meta.url));
  return evalSetSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The eval clubs as corpus clubs; their ids are kept apart from real ones by a prefix. */
export const evalCorpus = (set: EvalSet) =>
  set.clubs.map((club) => ({
    clubId: `eval:${club.id}`,
    linkName: `eval:${club.link_name}`,
    name: club.name,
    tags: club.tags,
    description: `${club.about_us}\n${club.get_involved}`,
  }));

/** Tuning: odd-numbered clubs of each kind; held out: the even ones; hard: held out, of kinds that share words. */
export function splitsOf(set: EvalSet) {
  const number = (club: EvalClub) => Number(club.id.split('-').at(-1));
  const heldOut = set.clubs.filter((club) => number(club) % 2 === 0);
  return {
    tuning: set.clubs.filter((club) => number(club) % 2 === 1),
    heldOut,
    hard: heldOut.filter((club) => set.splits.hard_families.includes(club.family)),
  };
}

/** For each eval club id, the ids of its top 3, best first. */
export type Rankings = Map<string, string[]>;

export const K = 3;

export interface QualityFigures {
  precision: number;
  ndcg: number;
}

/** Mean precision@3 (same kind is relevant) and nDCG@3 (graded: same kind 2, same family 1). */
export function quality(set: EvalSet, rankings: Rankings, queries: EvalClub[]): QualityFigures {
  const byId = new Map(set.clubs.map((club) => [club.id, club]));
  const grade = (query: EvalClub, other: EvalClub) =>
    other.kind === query.kind
      ? set.relevance.same_kind
      : other.family === query.family
        ? set.relevance.same_family
        : 0;
  const gain = (g: number) => 2 ** g - 1;
  let precision = 0;
  let ndcg = 0;
  for (const query of queries) {
    const top = (rankings.get(query.id) ?? []).slice(0, K).map((id) => byId.get(id)!);
    precision += top.filter((club) => club.kind === query.kind).length / K;
    const dcg = top.reduce((sum, club, i) => sum + gain(grade(query, club)) / Math.log2(i + 2), 0);
    const ideal = set.clubs
      .filter((club) => club.id !== query.id)
      .map((club) => grade(query, club))
      .sort((a, b) => b - a)
      .slice(0, K)
      .reduce((sum, g, i) => sum + gain(g) / Math.log2(i + 2), 0);
    ndcg += ideal > 0 ? dcg / ideal : 0;
  }
  const n = Math.max(queries.length, 1);
  return { precision: round(precision / n), ndcg: round(ndcg / n) };
}

/**
 * coverage: share of clubs in at least one other club's top 3; max_share: the largest share of clubs
 * that any one club is recommended to.
 */
export function spread(set: EvalSet, rankings: Rankings) {
  const counts = new Map<string, number>();
  for (const [query, top] of rankings) {
    for (const id of top.slice(0, K)) if (id !== query) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const n = set.clubs.length;
  return { coverage: round(counts.size / n), maxShare: round(Math.max(0, ...counts.values()) / n) };
}

export const round = (value: number) => Math.round(value * 1000) / 1000;
