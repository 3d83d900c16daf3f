/** The web host's worker thread: the core, answering the HTTP thread (see coreWorker.ts). */
import { parentPort } from 'node:worker_threads';
import { serveCore } from '../core/remote/serveCore';

const port = parentPort;
if (!port) throw new Error('coreWorkerEntry runs only as a worker thread');
serveCore({
  send: (message) => port.postMessage(message),
  onMessage: (receive) => port.on('message', receive),
});
