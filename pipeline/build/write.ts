import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

export interface OutputFile {
  /** path relative to the output root */
  path: string;
  content: string | Uint8Array;
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
}

/** The writer's temporary files (".<random>.tmp"): never outputs, never carried into a new set. */
export const TEMP_FILE = /^\..*\.tmp$/;

/** The file is on disk under `root` with these very bytes: read only when its size is theirs. */
export async function sameOnDisk(root: string, f: OutputFile): Promise<boolean> {
  const bytes = bytesOf(f);
  const info = await stat(join(root, f.path)).catch(() => null);
  if (!info?.isFile() || info.size !== bytes.length) return false;
  const current = await readFile(join(root, f.path)).catch(() => null);
  return current !== null && current.equals(bytes);
}

// a view of the content, never a copy: a build writes some 150 MB of packs and zips
const bytesOf = (f: OutputFile) => (typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : Buffer.from(f.content.buffer, f.content.byteOffset, f.content.byteLength));

/** Files written at once: the writes wait on the disk, not on this process. */
const WRITES_AT_ONCE = 8;

/**
 * The one writer that touches out/: every file goes to a temporary name in its folder and is
 * renamed into place, so a crash never leaves a half-written file; identical files are left alone.
 * A file whose content is the very bytes of another of the set (a pack and its copy in a delivery
 * folder) is linked to it once that one is written, not written again.
 */
export async function writeOutputs(root: string, files: OutputFile[], options: { compared?: boolean } = {}): Promise<WriteResult> {
  for (const f of files) if (relative(root, join(root, f.path)).startsWith('..')) throw new Error(`refusing to write outside ${root}: ${f.path}`);
  const written = new Array<boolean>(files.length);
  const firstWith = new Map<Uint8Array, number>();
  const copyOf = files.map((f, i) => {
    if (typeof f.content === 'string') return undefined;
    const first = firstWith.get(f.content);
    if (first === undefined) firstWith.set(f.content, i);
    return first;
  });
  const writes = new Map<number, Promise<void>>();
  let next = 0;
  const writer = async () => {
    while (next < files.length) {
      const i = next++;
      const f = files[i]!;
      // files the caller found different already are not read again
      written[i] = options.compared || !(await sameOnDisk(root, f));
      if (!written[i]) continue;
      const first = copyOf[i];
      const source = first === undefined ? undefined : writes.get(first);
      const write = source ? source.then(() => linkOne(root, files[first!]!.path, f)) : writeOne(root, f);
      writes.set(i, write);
      await write;
    }
  };
  // the first failure stops the others taking files; it is the one reported, once all have stopped
  const settled = await Promise.allSettled(Array.from({ length: Math.min(WRITES_AT_ONCE, files.length) }, async () => writer().catch((err) => ((next = files.length), Promise.reject(err)))));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  // in the order given, whichever ended first
  return { written: files.filter((_, i) => written[i]).map((f) => f.path), unchanged: files.filter((_, i) => !written[i]).map((f) => f.path) };
}

/** `f` as a link to `sourcePath` (written with its bytes), put in place like a written file; written where links are refused. */
async function linkOne(root: string, sourcePath: string, f: OutputFile): Promise<void> {
  await viaTemporary(root, f, (temp) => link(join(root, sourcePath), temp)).catch(() => writeOne(root, f));
}

async function writeOne(root: string, f: OutputFile): Promise<void> {
  await viaTemporary(root, f, (temp) => writeFile(temp, bytesOf(f))).catch((err: Error) => {
    // which file could not be written, for the one line the user reads
    throw Object.assign(err, { outputFile: f.path });
  });
}

/** `f` made by `make` under a temporary name in its folder and renamed into place; the temporary file removed if that fails. */
async function viaTemporary(root: string, f: OutputFile, make: (temp: string) => Promise<void>): Promise<void> {
  const target = join(root, f.path);
  const temp = join(dirname(target), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(target), { recursive: true });
    await make(temp);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}
