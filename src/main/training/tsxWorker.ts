import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the training worker from its TypeScript source, with tsx compiling it, for tests and
 * tools that run under plain Node. The Electron build bundles the worker instead, through
 * electron-vite's `?nodeWorker` import.
 *
 * Node 20 ignores ES module loader hooks given in a worker's `execArgv` (nodejs/node#47747,
 * fixed in Node 22.2), so `execArgv: ['--import', 'tsx']` cannot load a `.ts` worker there.
 * tsx's require hook works on every supported version: the worker starts as a CommonJS script
 * that installs the hook and then requires the TypeScript entry, which tsx compiles.
 */
export function createTsxTrainingWorker(): Worker {
  const entry = fileURLToPath(new URL('./trainingWorker.ts', import.meta.url));
  const tsxRequireHook = createRequire(import.meta.url).resolve('tsx/cjs');
  const bootstrap = `require(${JSON.stringify(tsxRequireHook)}); require(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, { eval: true });
}
