import { randomBytes } from 'node:crypto';
import { lstat, mkdir, realpath, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { displayPath } from '../lib/display-path.ts';
import { OutputError } from '../lib/errors.ts';
import { isDirectory } from '../lib/fs.ts';

/**
 * Runs a step that touches the output folder; a file-system error becomes an OutputError naming
 * the folder and what was being done. Other errors pass through unchanged.
 */
export async function onOutput<T>(path: string, action: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof OutputError || !OutputError.is(err)) throw err;
    const file = (err as { outputFile?: string }).outputFile;
    throw new OutputError(displayPath(path), err.code!, file ? `writing ${file}` : action, { cause: err });
  }
}

/**
 * Makes sure `root` is a folder this process can write, before any work: creates what is missing
 * one level at a time from the nearest folder that exists (a recursive mkdir spins forever under
 * /proc), then writes and removes a probe file. Throws an OutputError in well under a second.
 */
export async function ensureWritableRoot(root: string): Promise<void> {
  const target = resolve(root);
  const missing: string[] = [];
  let existing = target;
  for (;;) {
    const at = existing;
    const info = await onOutput(at, `preparing the output folder ${displayPath(target)}`, () =>
      lstat(at).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' || err.code === 'ENOTDIR' ? null : Promise.reject(err))),
    );
    if (info) {
      if (!info.isDirectory() && !(info.isSymbolicLink() && (await isDirectory(existing)))) throw new OutputError(displayPath(existing), 'ENOTDIR', `preparing the output folder ${displayPath(target)}`);
      break;
    }
    missing.unshift(existing);
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  // another build may create the same folder at the same moment: a folder there is fine
  for (const folder of missing) {
    await onOutput(folder, 'creating the output folder', () => mkdir(folder).catch(async (err: NodeJS.ErrnoException) => (err.code === 'EEXIST' && (await isDirectory(folder)) ? undefined : Promise.reject(err))));
  }
  const probe = join(target, `.write-probe-${randomBytes(6).toString('hex')}.tmp`);
  await onOutput(target, 'trying a write in the output folder', async () => {
    await writeFile(probe, 'probe');
    await rm(probe, { force: true });
  });
}

/**
 * The folder an edition's outputs go to, links followed: an edition folder that is a symbolic link
 * (a shared drive, say) is locked, staged beside and swapped where it points, and the link stays.
 */
export async function realFolder(path: string): Promise<string> {
  return realpath(path).catch(() => path);
}
