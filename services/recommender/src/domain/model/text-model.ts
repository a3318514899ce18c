import { truncatedSvd } from './truncated-svd.js';
import {
  buildVocabulary,
  type ClubText,
  clubWords,
  termIndex,
  tfidfRow,
  type Vocabulary,
} from './vocabulary.js';

/** Most terms kept: memory and training time grow with it (see vocabulary.ts). */
export const MAX_TERMS = 2048;
/** Most LSA dimensions trained; tuning may use fewer (the leading ones). */
export const MAX_DIMS = 150;

/** What training learns of the text: the vocabulary and each term's direction in the LSA space. */
export interface TextModel {
  vocabulary: Vocabulary;
  /** terms × dims, row-major. */
  projection: Float32Array;
  dims: number;
}

/** Latent semantic analysis of the documents: TF-IDF, then the top singular directions (TensorFlow.js). */
export async function trainTextModel(
  documents: ClubText[],
  maxDims = MAX_DIMS,
  signal?: AbortSignal,
): Promise<TextModel> {
  const words = documents.map(clubWords);
  const vocabulary = buildVocabulary(words, MAX_TERMS);
  const index = termIndex(vocabulary);
  const rows = words.map((w) => tfidfRow(w, vocabulary, index));
  const { projection, dims } = await truncatedSvd(rows, vocabulary.terms.length, maxDims, 42, signal);
  return { vocabulary, projection, dims };
}

/**
 * Folds a club's text into the model's space (its TF-IDF row times the projection), unit length, over
 * the leading `dims` directions. No known word: the zero vector (the club is then placed by its tags).
 * Used for trained and new clubs alike, so an edited club is placed exactly as a retrain would place it
 * with the same vocabulary.
 */
export function embedText(model: TextModel, index: Map<string, number>, club: ClubText, dims: number) {
  const use = Math.min(dims, model.dims);
  const out = new Float32Array(use);
  const row = tfidfRow(clubWords(club), model.vocabulary, index);
  row.terms.forEach((term, j) => {
    const weight = row.weights[j]!;
    const base = term * model.dims;
    for (let d = 0; d < use; d++) out[d]! += weight * model.projection[base + d]!;
  });
  let norm = 0;
  for (const value of out) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let d = 0; d < use; d++) out[d]! /= norm;
  return out;
}
