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
  /** term index → TF-IDF weight, L2-normalised. */
  weights: Map<number, number>;
}

/**
 * TF-IDF vectors of the visible clubs' names and descriptions, with an inverted index so that a
 * query touches only the clubs sharing a word with it (a few hundred of 10 000, not all of them).
 * Built whole from the corpus; `similar` is read-only, so a new index can replace an old one at once.
 */
export class SimilarityIndex {
  private readonly documents = new Map<string, Document>();
  private readonly postings = new Map<number, { doc: Document; weight: number }[]>();

  constructor(clubs: IndexedClub[]) {
    const terms = new Map<string, number>();
    const counts: Map<number, number>[] = [];
    const documentFrequency = new Map<number, number>();
    for (const club of clubs) {
      const tf = new Map<number, number>();
      // The name says the most about a club in the fewest words: counted twice.
      for (const word of [
        ...contentWords(club.name),
        ...contentWords(club.name),
        ...contentWords(club.description),
      ]) {
        let term = terms.get(word);
        if (term === undefined) {
          term = terms.size;
          terms.set(word, term);
        }
        tf.set(term, (tf.get(term) ?? 0) + 1);
      }
      for (const term of tf.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      counts.push(tf);
    }
    const n = clubs.length;
    clubs.forEach((club, i) => {
      const weights = new Map<number, number>();
      let norm = 0;
      for (const [term, count] of counts[i]!) {
        // Smoothed IDF; a word in every club still weighs a little, so a corpus of two is not all zeros.
        const weight = (1 + Math.log(count)) * (Math.log((1 + n) / (1 + documentFrequency.get(term)!)) + 1);
        weights.set(term, weight);
        norm += weight * weight;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [term, weight] of weights) weights.set(term, weight / norm);
      const doc = { club, weights };
      this.documents.set(club.linkName, doc);
      for (const [term, weight] of weights) {
        const list = this.postings.get(term);
        if (list) list.push({ doc, weight });
        else this.postings.set(term, [{ doc, weight }]);
      }
    });
  }

  get size() {
    return this.documents.size;
  }

  has(linkName: string) {
    return this.documents.has(linkName);
  }

  /**
   * The k clubs most like this one, most similar first; undefined for a club not in the index.
   * As upstream: candidates are first narrowed to the clubs sharing the most of its tags while at least
   * k of them remain, then ranked by cosine similarity of their descriptions (ties by name).
   */
  similar(linkName: string, k: number): SimilarClub[] | undefined {
    const target = this.documents.get(linkName);
    if (!target) return undefined;
    const tags = new Set(target.club.tags);
    const shared = new Map<Document, number>();
    for (const doc of this.documents.values()) {
      if (doc === target) continue;
      let count = 0;
      for (const tag of doc.club.tags) if (tags.has(tag)) count++;
      shared.set(doc, count);
    }
    let threshold = tags.size;
    while (threshold > 0 && [...shared.values()].filter((count) => count >= threshold).length < k)
      threshold--;

    const scores = new Map<Document, number>();
    for (const [term, weight] of target.weights) {
      for (const posting of this.postings.get(term) ?? []) {
        if (posting.doc === target) continue;
        scores.set(posting.doc, (scores.get(posting.doc) ?? 0) + weight * posting.weight);
      }
    }
    const ranked: { doc: Document; score: number }[] = [];
    for (const [doc, count] of shared) {
      if (count >= threshold) ranked.push({ doc, score: scores.get(doc) ?? 0 });
    }
    ranked.sort((a, b) => b.score - a.score || a.doc.club.name.localeCompare(b.doc.club.name));
    return ranked.slice(0, k).map(({ doc, score }) => ({
      link_name: doc.club.linkName,
      score: Math.round(score * 1e4) / 1e4,
    }));
  }
}
