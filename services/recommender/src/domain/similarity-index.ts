import { contentWords } from './text-features.js';

export interface IndexedClub {
  linkName: string;
  name: string;
  tags: number[];
  description: string;
}

export interface SimilarClub {
  link_name: string;
  score: number;
}

interface Document {
  club: IndexedClub;
  /** Term ids in increasing order, and their TF-IDF weights (L2-normalised), side by side. */
  terms: Int32Array;
  weights: Float64Array;
}

/**
 * TF-IDF vectors of the visible clubs' names and descriptions, as sorted sparse arrays, and the clubs
 * of each tag. A query scores only the clubs that pass the tag filter (a few hundred of 10 000), each
 * by merging two short sorted arrays. Built whole from the corpus; `similar` only reads, so a new
 * index can replace an old one at once.
 */
export class SimilarityIndex {
  private readonly documents: Document[] = [];
  private readonly byLinkName = new Map<string, number>();
  private readonly byTag = new Map<number, number[]>();

  /** `narrowByTags: false` ranks every club by cosine alone (the plain TF-IDF baseline of the eval). */
  constructor(
    clubs: IndexedClub[],
    private readonly options: { narrowByTags: boolean } = { narrowByTags: true },
  ) {
    const termIds = new Map<string, number>();
    const counts: Map<number, number>[] = [];
    const documentFrequency: number[] = [];
    for (const club of clubs) {
      const tf = new Map<number, number>();
      // The name says the most about a club in the fewest words: counted twice.
      const name = contentWords(club.name);
      for (const word of [...name, ...name, ...contentWords(club.description)]) {
        let term = termIds.get(word);
        if (term === undefined) {
          term = termIds.size;
          termIds.set(word, term);
          documentFrequency.push(0);
        }
        tf.set(term, (tf.get(term) ?? 0) + 1);
      }
      for (const term of tf.keys()) documentFrequency[term]! += 1;
      counts.push(tf);
    }
    const n = clubs.length;
    clubs.forEach((club, i) => {
      const terms = Int32Array.from(counts[i]!.keys()).sort();
      const weights = new Float64Array(terms.length);
      let norm = 0;
      terms.forEach((term, j) => {
        // Smoothed IDF: a word in every club still weighs a little, so a corpus of two is not all zeros.
        const idf = Math.log((1 + n) / (1 + documentFrequency[term]!)) + 1;
        const weight = (1 + Math.log(counts[i]!.get(term)!)) * idf;
        weights[j] = weight;
        norm += weight * weight;
      });
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < weights.length; j++) weights[j]! /= norm;
      this.byLinkName.set(club.linkName, this.documents.length);
      for (const tag of new Set(club.tags)) {
        const list = this.byTag.get(tag);
        if (list) list.push(this.documents.length);
        else this.byTag.set(tag, [this.documents.length]);
      }
      this.documents.push({ club, terms, weights });
    });
  }

  get size() {
    return this.documents.length;
  }

  has(linkName: string) {
    return this.byLinkName.has(linkName);
  }

  /**
   * The k clubs most like this one, most similar first; undefined for a club not in the index.
   * As upstream: candidates are first narrowed to the clubs sharing the most of its tags while at least
   * k of them remain, then ranked by cosine similarity of their descriptions (ties by name).
   */
  similar(linkName: string, k: number): SimilarClub[] | undefined {
    const targetIndex = this.byLinkName.get(linkName);
    if (targetIndex === undefined) return undefined;
    const target = this.documents[targetIndex]!;
    const tags = [...new Set(target.club.tags)];
    const shared = new Uint8Array(this.documents.length);
    for (const tag of tags) for (const doc of this.byTag.get(tag) ?? []) shared[doc]! += 1;
    shared[targetIndex] = 0;
    // How many clubs share at least t tags, for each t.
    const atLeast = new Array<number>(tags.length + 2).fill(0);
    for (const count of shared) if (count > 0) atLeast[count]! += 1;
    for (let t = tags.length - 1; t >= 1; t--) atLeast[t]! += atLeast[t + 1]!;
    let threshold = this.options.narrowByTags ? tags.length : 0;
    while (threshold > 0 && atLeast[threshold]! < k) threshold--;

    const ranked: { doc: Document; score: number }[] = [];
    for (let i = 0; i < this.documents.length; i++) {
      if (i === targetIndex || shared[i]! < threshold) continue;
      const doc = this.documents[i]!;
      ranked.push({ doc, score: cosine(target, doc) });
    }
    ranked.sort((a, b) => b.score - a.score || a.doc.club.name.localeCompare(b.doc.club.name));
    return ranked.slice(0, k).map(({ doc, score }) => ({
      link_name: doc.club.linkName,
      score: Math.round(score * 1e4) / 1e4,
    }));
  }
}

/** Dot product of two normalised sparse vectors: one pass over both sorted term lists. */
function cosine(a: Document, b: Document): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
