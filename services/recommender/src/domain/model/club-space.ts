import { embedText, type TextModel } from './text-model.js';
import { tf } from './tf-backend.js';
import { termIndex } from './vocabulary.js';

export interface SpaceClub {
  clubId: string;
  linkName: string;
  name: string;
  tags: number[];
  description: string;
}

/** How text and tags are weighed, chosen on the tuning split (see tune.ts). */
export interface ScoreParams {
  /** Leading LSA dimensions used. */
  dims: number;
  /** Share of the score from tag overlap (cosine of tag sets); the rest is from the text. */
  tagWeight: number;
  /** How much of a candidate's hubness (mean score to its 10 nearest) is taken off its score. */
  penalty: number;
}

export interface Neighbour {
  clubId: string;
  score: number;
}

/**
 * A built space as flat typed arrays, row i for the i-th club given to `build`: what a training
 * worker sends back (copied in one piece, no object per neighbour crosses the thread boundary).
 */
export interface SpaceSnapshot {
  /** clubs × `width`, each club's text vector. */
  vectors: Float32Array;
  width: number;
  hubs: Float64Array;
  /** clubs × KEPT: row numbers of each club's neighbours, best first, −1 past the end. */
  neighbours: Int32Array;
  scores: Float32Array;
  complete: Uint8Array;
}

/** Neighbours kept per club: more than the route's k (≤ 20) so hiding a few costs no recomputation. */
const KEPT = 24;
/** Hubness is the mean score to this many nearest clubs (as CSLS, Conneau et al. 2018). */
const HUB_NEIGHBOURS = 10;
const BATCH_ROWS = 512;

interface Entry {
  club: SpaceClub;
  vector: Float32Array;
  tags: Int32Array;
  hub: number;
  /** Best first; `complete` when it holds every other club (a small corpus). */
  neighbours: Neighbour[];
  complete: boolean;
}

/**
 * The visible clubs placed in the model's space, with each club's nearest neighbours kept ready, so a
 * query is a lookup. score(a, b) = (1 − w)·cos(text) + w·cos(tags) − penalty·hub(b): the hub term keeps a
 * few generic clubs from being everyone's neighbour (upstream recommended 3 clubs 16–19 times each).
 * Built in batches with TensorFlow.js; a created, edited, hidden or deleted club is applied on its own
 * in one pass over the clubs (no rebuild), exactly: lists stay the true top of what they hold.
 */
export class ClubSpace {
  private readonly entries = new Map<string, Entry>();
  private readonly byLinkName = new Map<string, string>();
  private readonly index: Map<string, number>;

  constructor(
    readonly model: TextModel,
    readonly params: ScoreParams,
  ) {
    this.index = termIndex(model.vocabulary);
  }

  get size() {
    return this.entries.size;
  }

  clubIdOf(linkName: string) {
    return this.byLinkName.get(linkName);
  }

  club(clubId: string) {
    return this.entries.get(clubId)?.club;
  }

  clubs() {
    return [...this.entries.values()].map((entry) => entry.club);
  }

  /** Places many clubs at once and computes every club's neighbours with batched matrix products. */
  async build(clubs: SpaceClub[]) {
    for (const club of clubs) this.place(club);
    const list = [...this.entries.values()];
    if (list.length === 0) return;
    const tagColumns = new Map<number, number>();
    for (const entry of list)
      for (const tag of entry.tags) if (!tagColumns.has(tag)) tagColumns.set(tag, tagColumns.size);
    const dims = this.textDims();
    const width = dims + tagColumns.size;
    const matrix = new Float32Array(list.length * width);
    const textScale = Math.sqrt(1 - this.params.tagWeight);
    const tagScale = Math.sqrt(this.params.tagWeight);
    list.forEach((entry, i) => {
      for (let d = 0; d < entry.vector.length; d++) matrix[i * width + d] = textScale * entry.vector[d]!;
      const each = entry.tags.length > 0 ? tagScale / Math.sqrt(entry.tags.length) : 0;
      for (const tag of entry.tags) matrix[i * width + dims + tagColumns.get(tag)!] = each;
    });
    const all = tf.tensor2d(matrix, [list.length, width]);
    const allT = tf.transpose(all);
    try {
      // First pass: each club's hubness; second: the penalised neighbours, which need every hub.
      await this.scoreInBatches(all, allT, list, (row, scores) => {
        row.hub = meanOfTop(scores, list, row, HUB_NEIGHBOURS);
      });
      await this.scoreInBatches(all, allT, list, (row, scores) => {
        const penalised = new Float32Array(scores.length);
        for (let j = 0; j < scores.length; j++)
          penalised[j] = scores[j]! - this.params.penalty * list[j]!.hub;
        this.keepTop(row, penalised, list);
      });
    } finally {
      all.dispose();
      allT.dispose();
    }
  }

  /** The built space as typed arrays, rows in the order the clubs were placed. */
  snapshot(): SpaceSnapshot {
    const list = [...this.entries.values()];
    const row = new Map(list.map((entry, i) => [entry.club.clubId, i]));
    const width = this.textDims();
    const snapshot: SpaceSnapshot = {
      vectors: new Float32Array(list.length * width),
      width,
      hubs: new Float64Array(list.length),
      neighbours: new Int32Array(list.length * KEPT).fill(-1),
      scores: new Float32Array(list.length * KEPT),
      complete: new Uint8Array(list.length),
    };
    list.forEach((entry, i) => {
      snapshot.vectors.set(entry.vector, i * width);
      snapshot.hubs[i] = entry.hub;
      snapshot.complete[i] = entry.complete ? 1 : 0;
      entry.neighbours.slice(0, KEPT).forEach((n, j) => {
        snapshot.neighbours[i * KEPT + j] = row.get(n.clubId)!;
        snapshot.scores[i * KEPT + j] = n.score;
      });
    });
    return snapshot;
  }

  /**
   * The space a snapshot describes, for the same clubs in the same order, without recomputing
   * anything; it yields to the event loop every 1 000 clubs, so requests keep being answered meanwhile.
   */
  static async restore(model: TextModel, params: ScoreParams, clubs: SpaceClub[], snapshot: SpaceSnapshot) {
    const space = new ClubSpace(model, params);
    const { width } = snapshot;
    for (let i = 0; i < clubs.length; i++) {
      if (i > 0 && i % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
      const club = clubs[i]!;
      const neighbours: Neighbour[] = [];
      for (let j = i * KEPT; j < (i + 1) * KEPT && snapshot.neighbours[j]! >= 0; j++)
        neighbours.push({ clubId: clubs[snapshot.neighbours[j]!]!.clubId, score: snapshot.scores[j]! });
      space.entries.set(club.clubId, {
        club,
        vector: snapshot.vectors.subarray(i * width, (i + 1) * width),
        tags: Int32Array.from(new Set(club.tags)).sort(),
        hub: snapshot.hubs[i]!,
        neighbours,
        complete: snapshot.complete[i] === 1,
      });
      space.byLinkName.set(club.linkName, club.clubId);
    }
    return space;
  }

  /** A created or edited club (fold-in): placed by the current model, then every list it enters or leaves. */
  upsert(club: SpaceClub) {
    const previous = this.entries.get(club.clubId);
    if (previous && previous.club.linkName !== club.linkName) this.byLinkName.delete(previous.club.linkName);
    const entry = this.place(club);
    const list = [...this.entries.values()];
    const raw = this.rawScores(entry, list);
    entry.hub = meanOfTop(raw, list, entry, HUB_NEIGHBOURS);
    const penalised = new Float32Array(raw.length);
    for (let j = 0; j < raw.length; j++) penalised[j] = raw[j]! - this.params.penalty * list[j]!.hub;
    this.keepTop(entry, penalised, list);
    // The score of this club as everyone else's candidate (the raw score is symmetric).
    list.forEach((other, j) => {
      if (other === entry) return;
      const score = raw[j]! - this.params.penalty * entry.hub;
      const at = other.neighbours.findIndex((n) => n.clubId === club.clubId);
      if (at >= 0) other.neighbours.splice(at, 1);
      // A list that is not complete is exact for what it holds: the club enters only above its last.
      const candidate = { clubId: club.clubId, score };
      const last = other.neighbours.at(-1);
      if (!other.complete && (last === undefined || !before(candidate, last, this.entries))) return;
      insertSorted(other.neighbours, candidate, this.entries);
      if (other.neighbours.length > KEPT) {
        other.neighbours.length = KEPT;
        other.complete = false;
      }
    });
  }

  /** A deleted or hidden club: gone from every answer at once (lists drop it when read). */
  remove(clubId: string) {
    const entry = this.entries.get(clubId);
    if (!entry) return;
    this.entries.delete(clubId);
    this.byLinkName.delete(entry.club.linkName);
  }

  /** The k nearest visible clubs, best first; undefined for a club not shown. */
  neighbours(clubId: string, k: number): Neighbour[] | undefined {
    const entry = this.entries.get(clubId);
    if (!entry) return undefined;
    let kept = entry.neighbours.filter((n) => this.entries.has(n.clubId) && n.clubId !== clubId);
    if (kept.length < Math.min(k, this.entries.size - 1) && !entry.complete) {
      // Too many of its neighbours were removed: recompute this one list (one pass over the clubs).
      const list = [...this.entries.values()];
      const raw = this.rawScores(entry, list);
      for (let j = 0; j < raw.length; j++) raw[j]! -= this.params.penalty * list[j]!.hub;
      this.keepTop(entry, raw, list);
      kept = entry.neighbours;
    } else if (kept.length !== entry.neighbours.length) {
      entry.neighbours = kept;
    }
    return kept.slice(0, k);
  }

  /** The unpenalised similarity of two shown clubs (0 when either is not shown). */
  similarity(a: string, b: string) {
    const x = this.entries.get(a);
    const y = this.entries.get(b);
    return x && y ? score(x, y, this.params.tagWeight) : 0;
  }

  /** Mean score of a club to its nearest clubs: how generic it is. */
  hub(clubId: string) {
    return this.entries.get(clubId)?.hub ?? 0;
  }

  private textDims() {
    return Math.min(this.params.dims, this.model.dims);
  }

  private place(club: SpaceClub): Entry {
    const previous = this.entries.get(club.clubId);
    const entry: Entry = {
      club,
      vector: embedText(this.model, this.index, club, this.textDims()),
      tags: Int32Array.from(new Set(club.tags)).sort(),
      hub: previous?.hub ?? 0,
      neighbours: previous?.neighbours ?? [],
      complete: previous?.complete ?? false,
    };
    this.entries.set(club.clubId, entry);
    this.byLinkName.set(club.linkName, club.clubId);
    return entry;
  }

  private rawScores(entry: Entry, list: Entry[]) {
    const scores = new Float32Array(list.length);
    list.forEach((other, j) => {
      scores[j] = score(entry, other, this.params.tagWeight);
    });
    return scores;
  }

  private keepTop(entry: Entry, scores: Float32Array, list: Entry[]) {
    const top: Neighbour[] = [];
    for (let j = 0; j < list.length; j++) {
      const other = list[j]!;
      if (other === entry) continue;
      const candidate = { clubId: other.club.clubId, score: scores[j]! };
      if (top.length >= KEPT && !before(candidate, top[top.length - 1]!, this.entries)) continue;
      insertSorted(top, candidate, this.entries);
      if (top.length > KEPT) top.length = KEPT;
    }
    entry.neighbours = top;
    entry.complete = list.length - 1 <= KEPT;
  }

  private async scoreInBatches(
    all: tf.Tensor2D,
    allT: tf.Tensor2D,
    list: Entry[],
    each: (entry: Entry, scores: Float32Array) => void,
  ) {
    for (let start = 0; start < list.length; start += BATCH_ROWS) {
      const rows = Math.min(BATCH_ROWS, list.length - start);
      const product = tf.tidy(() => tf.matMul(all.slice([start, 0], [rows, -1]), allT));
      const scores = (await product.data()) as Float32Array;
      product.dispose();
      for (let r = 0; r < rows; r++)
        each(list[start + r]!, scores.subarray(r * list.length, (r + 1) * list.length));
      await tf.nextFrame();
    }
  }
}

function score(a: Entry, b: Entry, tagWeight: number) {
  let text = 0;
  const n = Math.min(a.vector.length, b.vector.length);
  for (let d = 0; d < n; d++) text += a.vector[d]! * b.vector[d]!;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.tags.length && j < b.tags.length) {
    if (a.tags[i] === b.tags[j]) {
      shared++;
      i++;
      j++;
    } else if (a.tags[i]! < b.tags[j]!) i++;
    else j++;
  }
  const tags = shared > 0 ? shared / Math.sqrt(a.tags.length * b.tags.length) : 0;
  return (1 - tagWeight) * text + tagWeight * tags;
}

function meanOfTop(scores: Float32Array, list: Entry[], self: Entry, count: number) {
  const top: number[] = [];
  for (let j = 0; j < scores.length; j++) {
    if (list[j] === self) continue;
    const value = scores[j]!;
    if (top.length < count) {
      top.push(value);
      top.sort((a, b) => a - b);
    } else if (value > top[0]!) {
      top[0] = value;
      top.sort((a, b) => a - b);
    }
  }
  return top.length > 0 ? top.reduce((a, b) => a + b, 0) / top.length : 0;
}

/** Higher score first; equal scores by link name, so an answer never depends on insertion order. */
function before(a: Neighbour, b: Neighbour, entries: Map<string, Entry>) {
  if (a.score !== b.score) return a.score > b.score;
  return (entries.get(a.clubId)?.club.linkName ?? '') < (entries.get(b.clubId)?.club.linkName ?? '');
}

function insertSorted(list: Neighbour[], item: Neighbour, entries: Map<string, Entry>) {
  let at = list.length;
  while (at > 0 && before(item, list[at - 1]!, entries)) at--;
  list.splice(at, 0, item);
}
