import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { exists } from '../lib/fs.ts';
import { basename, dirname, join, relative } from 'node:path';
import { onOutput } from './out-dir.ts';
import { sameOnDisk, TEMP_FILE, writeOutputs, type OutputFile, type WriteResult } from './write.ts';

const STAGING = '.staging-';
const PREVIOUS = '.previous-';

/** The sibling folders a build of `outDir` works in: out/.r6.staging-<random>, out/.r6.previous-<random>. */
function sibling(outDir: string, kind: string): string {
  return join(dirname(outDir), `.${basename(outDir)}${kind}${randomBytes(6).toString('hex')}`);
}

/**
 * What a build killed mid-swap left, put right before anything else (under the lock): the
 * previous set back in place when the folder is missing, stray staging and previous folders gone.
 */
export async function recoverOutput(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const prefix = `.${basename(outDir)}`;
  const names = (await readdir(parent).catch(() => [] as string[])).filter((n) => n.startsWith(prefix + STAGING) || n.startsWith(prefix + PREVIOUS));
  const present = await exists(outDir);
  const previous = names.find((n) => n.startsWith(prefix + PREVIOUS));
  if (!present && previous) {
    await rename(join(parent, previous), outDir);
    await removeTemps(outDir); // whatever a writer of an earlier version left half written in it
  }
  for (const name of names) {
    if (!present && name === previous) continue;
    await rm(join(parent, name), { recursive: true, force: true });
  }
}

/**
 * Writes a whole output set: when a file differs from what `outDir` holds, a staging folder beside
 * it gets the current files (hard links: no copy, no space) and the new ones, then takes `outDir`'s
 * place in two renames. Whatever fails — a full disk, a kill — `outDir` holds either the previous
 * complete set or the new one. `outDir` is the real folder (realFolder), links followed. A file
 * `differs` names (its bytes are known to be other than those last written there) is not read to
 * be compared.
 */
export async function writeStaged(outDir: string, files: OutputFile[], options: { remove?: readonly string[]; differs?: (f: OutputFile) => boolean } = {}): Promise<WriteResult> {
  const same = await onOutput(outDir, 'comparing the outputs', () => Promise.all(files.map((f) => !options.differs?.(f) && sameOnDisk(outDir, f))));
  const unchanged = files.filter((_, i) => same[i]).map((f) => f.path);
  const changed = files.filter((_, i) => !same[i]);
  const remove = options.remove ?? [];
  if (changed.length === 0 && remove.length === 0) return { written: [], unchanged };
  const staging = sibling(outDir, STAGING);
  try {
    await onOutput(outDir, 'preparing the new outputs', async () => {
      await mkdir(staging);
      await linkTree(outDir, staging);
      // files of the earlier set that this one drops (prints no unit uses any more): not linked into the new set
      for (const path of remove) if (!relative(staging, join(staging, path)).startsWith('..')) await rm(join(staging, path), { force: true });
    });
    const staged = await onOutput(outDir, 'writing the outputs', () => writeOutputs(staging, changed, { compared: true }));
    const result = { written: staged.written, unchanged: [...unchanged, ...staged.unchanged] };
    const previous = sibling(outDir, PREVIOUS);
    await onOutput(outDir, 'putting the new outputs in place', async () => {
      const hadPrevious = await exists(outDir);
      if (hadPrevious) await rename(outDir, previous);
      try {
        await rename(staging, outDir);
      } catch (err) {
        // the new set cannot take its place: the previous one goes back, as it was
        if (hadPrevious) await rename(previous, outDir).catch(() => undefined);
        throw err;
      }
    });
    // the new set is in place: a previous set that will not go now goes with the next build
    await rm(previous, { recursive: true, force: true }).catch(() => undefined);
    return result;
  } catch (err) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
}

/** The writer's temporary files under `dir`, removed. */
async function removeTemps(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await removeTemps(path);
    else if (TEMP_FILE.test(entry.name)) await rm(path, { force: true });
  }
}

/** Every file of `from` in `to` under the same path, as a hard link (a copy where links are refused). */
async function linkTree(from: string, to: string): Promise<void> {
  // no folder yet is an empty one; any other failure to read it must not pass for "empty"
  const entries = await readdir(from, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? [] : Promise.reject(err)));
  for (const entry of entries) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      await mkdir(target);
      await linkTree(source, target);
    } else if (entry.isFile() && !TEMP_FILE.test(entry.name)) {
      await link(source, target).catch(() => copyFile(source, target));
    }
  }
}
