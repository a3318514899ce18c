import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';

export type TfBackend = 'tensorflow' | 'wasm' | 'cpu';

let chosen: Promise<TfBackend> | undefined;

/**
 * Picks TensorFlow.js's fastest backend present, once per process: the native one when
 * `@tensorflow/tfjs-node` happens to be installed (it is optional: its install downloads a binary,
 * which fails on machines without network), else WebAssembly from the package's own files (nothing is
 * fetched at run time), else plain JavaScript.
 */
export function tfBackend(): Promise<TfBackend> {
  chosen ??= choose();
  return chosen;
}

async function choose(): Promise<TfBackend> {
  try {
    // A variable specifier keeps bundlers and tsc from requiring a package that is usually absent.
    const nativeBackend = '@tensorflow/tfjs-node';
    await import(nativeBackend);
    if (await tf.setBackend('tensorflow')) return 'tensorflow';
  } catch {
    // Not installed: the wasm backend below.
  }
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    const wasmFile = require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm');
    wasm.setWasmPaths(`${path.dirname(wasmFile)}/`);
    if (await tf.setBackend('wasm')) return 'wasm';
  } catch {
    // No usable WebAssembly: the JavaScript backend is always there.
  }
  await tf.setBackend('cpu');
  return 'cpu';
}

export { tf };
