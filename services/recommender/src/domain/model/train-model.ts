import type { ScoreParams, SpaceClub } from './club-space.js';
import { type EvalSet, evalCorpus } from './evaluation.js';
import { type TextModel, trainTextModel } from './text-model.js';
import { tfBackend } from './tf-backend.js';
import { type ModelFigures, tuneWeights } from './tune.js';

export interface TrainedModel {
  text: TextModel;
  params: ScoreParams;
  figures: ModelFigures;
  backend: string;
  corpusSize: number;
  trainMs: number;
}

/**
 * Trains on the campus's clubs together with the committed eval clubs: they give a small campus a
 * vocabulary and a space worth the name (five clubs alone have no latent structure), and they are what
 * the weights are tuned and the version measured on. Eval clubs are never recommended: only the
 * campus's clubs are placed in the space that answers.
 */
export async function trainModel(
  corpus: SpaceClub[],
  set: EvalSet,
  signal?: AbortSignal,
): Promise<TrainedModel> {
  const backend = await tfBackend();
  const started = performance.now();
  const text = await trainTextModel([...corpus, ...evalCorpus(set)], undefined, signal);
  const { params, figures } = await tuneWeights(text, set, signal);
  return {
    text,
    params,
    figures,
    backend,
    corpusSize: corpus.length,
    trainMs: Math.round(performance.now() - started),
  };
}
