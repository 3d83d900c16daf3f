/**
 * Before the journeys: the web host serves the renderer electron-vite built into out/, and the
 * desktop test starts the built core. Run on their own (`npx vitest run tests/e2e/…`) after a change
 * to the sources, they would drive the build before it and pass or fail on code that is no longer
 * there; so a build older than any source is made again first. `npm test` builds before its tests,
 * and then nothing is done here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const built = ['out/renderer/index.html', 'out/main/index.js'].map((path) => join(root, path));
const sources = ['src', 'resources', 'electron.vite.config.ts', 'package.json'].map((path) => join(root, path));

/** The latest modification time under `path` (a file or a folder), in ms. */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

export default function setup(): void {
  const builtAt = built.every(existsSync) ? Math.min(...built.map((path) => statSync(path).mtimeMs)) : -Infinity;
  if (sources.filter(existsSync).every((path) => newest(path) <= builtAt)) return;
  console.log('out/ is older than the sources: building it before the journeys (electron-vite build)');
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('electron-vite build failed: the journeys would run against an older build');
}
