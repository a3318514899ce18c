// A retrain's worker thread (started by train-in-worker.ts): trains, tunes and builds every club's
// neighbours here, where TensorFlow.js (its own wasm instance, see tf-backend.ts) and the JavaScript
// loops around it cannot delay the service's requests, then sends the result back once.
import { parentPort, workerData } from 'node:worker_threads';
import { ClubSpace } from './club-space.js';
import type { TrainingInput, TrainingResult } from './train-in-worker.js';
import { trainModel } from './train-model.js';

const { corpus, evalSet } = workerData as TrainingInput;
const trained = await trainModel(corpus, evalSet);
// Built whether or not the model will be accepted: the decision is the service's, and this thread's
// time costs answers nothing.
const space = new ClubSpace(trained.text, trained.params);
await space.build(corpus);
const snapshot = space.snapshot();
// Copies that own their buffers: a TensorFlow.js result may be a view of a larger one.
const text = {
  ...trained.text,
  projection: trained.text.projection.slice(),
  vocabulary: { ...trained.text.vocabulary, idf: trained.text.vocabulary.idf.slice() },
};
const result: TrainingResult = { trained: { ...trained, text }, snapshot };
const owned = [
  text.projection,
  text.vocabulary.idf,
  snapshot.vectors,
  snapshot.hubs,
  snapshot.neighbours,
  snapshot.scores,
  snapshot.complete,
];
// Moved rather than copied: each owns its buffer (allocated here or sliced above).
parentPort!.postMessage(
  result,
  owned.map((array) => array.buffer as ArrayBuffer),
);
