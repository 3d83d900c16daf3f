/**
 * The desktop app's core runs in a process of its own, Electron's utilityProcess
 * (src/core/remote/utilityProcessEntry.ts, built beside this file as core.js), so the main process
 * that answers the window never waits on the database.
 */
import { join } from 'node:path';
import { utilityProcess } from 'electron';
import type { CoreProcess } from '../core/remote/coreHost';

export function spawnCoreProcess(log: (error: unknown) => void = console.error): CoreProcess {
  const child = utilityProcess.fork(join(import.meta.dirname, 'core.js'), [], { serviceName: 'HTX Desk core', stdio: 'inherit' });
  // Messages wait until the process has started, then go in order.
  let started = false;
  const waiting: unknown[] = [];
  child.once('spawn', () => {
    started = true;
    for (const message of waiting.splice(0)) child.postMessage(message);
  });
  // A fatal V8 error (memory exhausted) ends the process; 'exit' follows and the core is started again.
  child.on('error', (type, location) => log(new Error(`The core process failed: ${type} at ${location}`)));
  return {
    link: {
      send: (message) => {
        if (started) child.postMessage(message);
        else waiting.push(message);
      },
      onMessage: (receive) => child.on('message', receive),
    },
    onExit: (listener) => child.once('exit', (code) => listener(`the core process ended with code ${code}`)),
    kill: () => void child.kill(),
  };
}
