import { symmetricEigen } from './symmetric-eigen.js';
import { tf } from './tf-backend.js';
import type { SparseRow } from './vocabulary.js';

/** Rows densified at once: bounds memory (2 048 × 2 048 floats = 16 MB) whatever the corpus size. */
const CHUNK_ROWS = 2048;
/** Extra directions and passes of the randomized range finder (Halko et al. 2011): enough for LSA. */
const OVERSAMPLING = 10;
const POWER_ITERATIONS = 4;

export interface TermProjection {
  /** Term × dims, row-major: the top right singular vectors of the TF-IDF matrix. */
  projection: Float32Array;
  dims: number;
  singularValues: Float32Array;
}

/**
 * Truncated SVD of the documents × terms TF-IDF matrix, by randomized subspace iteration with
 * TensorFlow.js: the heavy products (A·Q and Aᵀ·Y) run on its backend, the matrix a chunk of rows at a
 * time; only l × l problems (l = dims + 10) are solved in JavaScript. Seeded: the same corpus gives
 * the same projection, hence the same recommendations for a model version.
 */
/** `signal` stops it between passes (a service shutting down does not wait for a whole training). */
export async function truncatedSvd(
  rows: SparseRow[],
  termCount: number,
  dims: number,
  seed = 42,
  signal?: AbortSignal,
) {
  const rank = Math.min(dims, rows.length, termCount);
  if (rank < 1) return { projection: new Float32Array(0), dims: 0, singularValues: new Float32Array(0) };
  const width = Math.min(rank + OVERSAMPLING, termCount);
  let basis = tf.tensor2d(gaussian(termCount * width, seed), [termCount, width]);
  try {
    for (let pass = 0; pass < POWER_ITERATIONS; pass++) {
      signal?.throwIfAborted();
      const next = await gramTimes(rows, termCount, basis);
      basis.dispose();
      basis = await orthonormalise(next);
      next.dispose();
    }
    // Rayleigh–Ritz: the eigenvectors of Qᵀ(AᵀA)Q rotate Q onto the singular directions.
    const product = await gramTimes(rows, termCount, basis);
    const small = tf.tidy(() => tf.matMul(tf.transpose(basis), product));
    const columns = small.shape[1]!;
    const { values, vectors } = symmetricEigen(await small.data(), columns);
    small.dispose();
    product.dispose();
    const rotation = new Float32Array(columns * rank);
    for (let i = 0; i < columns; i++)
      for (let j = 0; j < rank; j++) rotation[i * rank + j] = vectors[i * columns + j]!;
    const projected = tf.tidy(() => tf.matMul(basis, tf.tensor2d(rotation, [columns, rank])));
    const projection = (await projected.data()) as Float32Array;
    projected.dispose();
    return {
      projection,
      dims: rank,
      singularValues: Float32Array.from(values.slice(0, rank), (value) => Math.sqrt(Math.max(value, 0))),
    } satisfies TermProjection;
  } finally {
    basis.dispose();
  }
}

/** AᵀA·Q (terms × l), a chunk of A's rows at a time: Σ chunkᵀ·(chunk·Q). */
async function gramTimes(rows: SparseRow[], termCount: number, basis: tf.Tensor2D) {
  let sum = tf.zeros([termCount, basis.shape[1]]) as tf.Tensor2D;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS);
    const next = tf.tidy(() => {
      const dense = new Float32Array(chunk.length * termCount);
      const denseT = new Float32Array(termCount * chunk.length);
      chunk.forEach((row, r) => {
        row.terms.forEach((term, j) => {
          dense[r * termCount + term] = row.weights[j]!;
          denseT[term * chunk.length + r] = row.weights[j]!;
        });
      });
      // Transposes written out rather than matMul's transpose flags: 6× faster on the wasm backend.
      const y = tf.matMul(tf.tensor2d(dense, [chunk.length, termCount]), basis);
      return tf.add(sum, tf.matMul(tf.tensor2d(denseT, [termCount, chunk.length]), y)) as tf.Tensor2D;
    });
    sum.dispose();
    sum = next;
    await tf.nextFrame();
  }
  return sum;
}

/** Orthonormal columns spanning Z's: Z·U·D^-½ from the eigen-decomposition ZᵀZ = U·D·Uᵀ. */
async function orthonormalise(z: tf.Tensor2D) {
  const columns = z.shape[1];
  const gram = tf.tidy(() => tf.matMul(tf.transpose(z), z));
  const { values, vectors } = symmetricEigen(await gram.data(), columns);
  gram.dispose();
  const scale = new Float32Array(columns * columns);
  const largest = values[0]! || 1;
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < columns; j++) {
      // Directions with no energy (a corpus smaller than l) are dropped rather than blown up.
      const value = values[j]!;
      scale[i * columns + j] = value > largest * 1e-10 ? vectors[i * columns + j]! / Math.sqrt(value) : 0;
    }
  }
  return tf.tidy(() => tf.matMul(z, tf.tensor2d(scale, [columns, columns])) as tf.Tensor2D);
}

/** Seeded standard normal numbers (mulberry32 and Box–Muller). */
function gaussian(count: number, seed: number) {
  let state = seed | 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++)
    out[i] = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return out;
}
