import { Worker } from 'node:worker_threads';
import { ClubSpace, type SpaceClub, type SpaceSnapshot } from './club-space.js';
import type { EvalSet } from './evaluation.js';
import type { TrainedModel } from './train-model.js';

export interface TrainingInput {
  corpus: SpaceClub[];
  evalSet: EvalSet;
}

export interface TrainingResult {
  trained: TrainedModel;
  snapshot: SpaceSnapshot;
}

/**
 * The worker runs the built file: tests run this module from src/, which sits beside dist/ at the
 * same depth, so one relative path serves both (the test setup builds dist/ first).
 */
const WORKER_FILE = new URL('../../../dist/domain/model/training-worker.js', import.meta.url);

/**
 * Trains a model and builds the corpus's space in a worker thread (seconds of CPU at 10 000 clubs that
 * would otherwise hold up every request), a fresh worker each time so its TensorFlow.js memory (about
 * 400 MB at 10 000 clubs) is returned when it ends. Aborting `signal` terminates it at once.
 * `space()` rebuilds the result's space on this thread from the snapshot, without recomputing.
 */
export function trainInWorker(corpus: SpaceClub[], evalSet: EvalSet, signal?: AbortSignal) {
  signal?.throwIfAborted();
  return new Promise<TrainedModel & { space(): Promise<ClubSpace> }>((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: { corpus, evalSet } satisfies TrainingInput });
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    const settle = () => signal?.removeEventListener('abort', stop);
    worker.once('message', ({ trained, snapshot }: TrainingResult) => {
      settle();
      resolve({ ...trained, space: () => ClubSpace.restore(trained.text, trained.params, corpus, snapshot) });
    });
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    // Settles nothing after a message or an error (a promise settles once): a stop or a crash.
    worker.once('exit', (code) => {
      settle();
      reject(signal?.aborted ? signal.reason : new Error(`the training worker exited with code ${code}`));
    });
  });
}
