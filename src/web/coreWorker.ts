/**
 * The web host's core runs in a worker thread (`coreWorkerEntry.ts`), so the HTTP thread serves
 * files and answers while the core reads, checks and writes.
 */
import { Worker } from 'node:worker_threads';
import type { CoreProcess } from '../core/remote/coreHost';

export interface CoreWorkerOptions {
  /**
   * Node options of the worker; by default the host's own. The entry is TypeScript: a host started
   * by tsx passes its loader on, one that is not (a test runner) names it: ['--import', 'tsx'].
   */
  execArgv?: string[];
  log?: (error: unknown) => void;
}

export function spawnCoreWorker({ execArgv, log = console.error }: CoreWorkerOptions = {}): CoreProcess {
  const worker = new Worker(new URL('./coreWorkerEntry.ts', import.meta.url), execArgv ? { execArgv } : {});
  // An uncaught error ends the worker; the host hears of it through 'exit' and starts another.
  worker.on('error', log);
  return {
    link: {
      send: (message) => worker.postMessage(message),
      onMessage: (receive) => worker.on('message', receive),
    },
    onExit: (listener) => worker.once('exit', (code) => listener(`the worker thread ended with code ${code}`)),
    kill: () => void worker.terminate(),
  };
}
