import { isAbsolute, relative, sep } from 'node:path';

/** A path as the user would name it: relative to the working folder when inside it, never a path only this machine has otherwise. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}
