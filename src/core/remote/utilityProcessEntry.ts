/**
 * The desktop app's core process: Electron's main process starts this file with
 * `utilityProcess.fork` (src/main/coreProcess.ts) and talks to it over `process.parentPort`.
 * Electron is not imported: the port is a property Electron sets on `process`.
 */
import { serveCore } from './serveCore';

/** The part of Electron's ParentPort used here. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const { parentPort } = process as unknown as { parentPort?: ParentPort };
if (!parentPort) throw new Error('utilityProcessEntry runs only in an Electron utility process');
serveCore({
  send: (message) => parentPort.postMessage(message),
  onMessage: (receive) => parentPort.on('message', (event) => receive(event.data)),
});
