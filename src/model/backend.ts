/**
 * Chooses and starts the tfjs backend for the training worker: wasm by default (fastest for a
 * small MLP, shared/STACK.md), cpu if wasm cannot start. Worker-only: the `?url` imports need Vite,
 * so tests in Node must not import this file (they set the cpu backend themselves).
 *
 * webgl only on request, loaded then: for a 2→…→1 MLP every step is a few hundred tiny kernels,
 * where a GPU loses to wasm on launch overhead, and software GL (SwiftShader) is ~10× slower still;
 * it is there for classrooms whose machines have a real GPU and want to try.
 */
import * as tf from '@tensorflow/tfjs-core';
import { WorkerError } from './workerError';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Through Vite, so the binaries are fingerprinted, emitted next to the worker and precached:
// training works offline and from any base path.
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName } from './protocol';

export interface BackendChoice {
  backend: BackendName;
  /** Set when the requested backend could not be used. */
  fellBackFrom?: BackendName;
  reason?: string;
}

const WASM_FILES = {
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
};

/** A wasm file that never arrives would otherwise leave the worker waiting forever. */
const WASM_START_TIMEOUT_MS = 20_000;

/** tfjs-backend-wasm rejects with a plain `{ message }` object, which String() prints as "[object Object]". */
function message(error: unknown): string {
  if (error instanceof Error) return error.message;
  const text = (error as { message?: unknown } | null)?.message;
  return typeof text === 'string' ? text : String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Starts wasm, or throws saying why. tf.setBackend alone only returns false and logs the cause to
 * the console, so we run the backend's factory ourselves and hand tfjs the instance it made.
 */
async function startWasm(): Promise<void> {
  if (typeof WebAssembly !== 'object') throw new Error('this browser has no WebAssembly');
  setWasmPaths(WASM_FILES);
  const factory = tf.findBackendFactory('wasm');
  if (!factory) throw new Error('the wasm backend is not registered');
  const instance = await withTimeout(Promise.resolve(factory()), WASM_START_TIMEOUT_MS, 'loading the wasm backend');
  tf.removeBackend('wasm');
  tf.registerBackend('wasm', () => instance);
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs refused the started wasm backend');
}

/** Makes `requested` the active backend if possible, else wasm, else cpu, and says which and why. */
export async function startBackend(requested: BackendName): Promise<BackendChoice> {
  const reasons: string[] = [];
  if (requested === 'webgl') {
    try {
      await import('@tensorflow/tfjs-backend-webgl');
      if (await tf.setBackend('webgl')) return { backend: 'webgl' };
      reasons.push('webgl: this browser gives the worker no WebGL');
    } catch (error) {
      reasons.push(`webgl: ${message(error)}`);
    }
  }
  if (requested !== 'cpu') {
    try {
      await startWasm();
      return requested === 'wasm' ? { backend: 'wasm' } : { backend: 'wasm', fellBackFrom: requested, reason: reasons.join('; ') };
    } catch (error) {
      reasons.push(`wasm: ${message(error)}`);
    }
  }
  if (!(await tf.setBackend('cpu'))) throw new WorkerError('noBackend', `no tfjs backend could start (${[...reasons, 'cpu failed'].join('; ')})`);
  return requested === 'cpu' ? { backend: 'cpu' } : { backend: 'cpu', fellBackFrom: requested, reason: reasons.join('; ') };
}
