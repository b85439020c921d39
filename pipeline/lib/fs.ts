import { stat } from 'node:fs/promises';

/** Something is at the path (a file, a folder, whatever a link leads to). */
export async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

/** A folder is at the path (following links). */
export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}
