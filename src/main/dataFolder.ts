/**
 * The desktop app opens with the system's viewer only files of the open data file's own folder.
 * The core builds those paths itself; the main process checks again what the core asks for, so a
 * data file from elsewhere (whose stored names are not to be trusted) cannot have any other file
 * of the computer opened, even through a flaw in the core.
 */
import { lstatSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The path, resolved, when it names a regular file inside `folder` reached without any symbolic
 * link on the way; otherwise null.
 */
export function fileInsideFolder(folder: string, path: string): string | null {
  const root = resolve(folder);
  const target = resolve(path);
  const steps = relative(root, target);
  if (steps === '' || steps === '..' || steps.startsWith(`..${sep}`) || isAbsolute(steps)) return null;
  // Every step below the folder is looked at itself (lstat, never followed), so a link anywhere is refused.
  const names = steps.split(sep);
  let current = root;
  for (const [index, name] of names.entries()) {
    current = join(current, name);
    let stats;
    try {
      stats = lstatSync(current);
    } catch {
      return null;
    }
    const last = index === names.length - 1;
    if (stats.isSymbolicLink() || (last ? !stats.isFile() : !stats.isDirectory())) return null;
  }
  return target;
}
