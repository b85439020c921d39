import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
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

const bytesOf = (f: OutputFile) => (typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : Buffer.from(f.content));

/**
 * The one writer that touches out/: every file goes to a temporary name in its folder and is
 * renamed into place, so a crash never leaves a half-written file; identical files are left alone.
 */
export async function writeOutputs(root: string, files: OutputFile[], options: { compared?: boolean } = {}): Promise<WriteResult> {
  const result: WriteResult = { written: [], unchanged: [] };
  for (const f of files) {
    const target = join(root, f.path);
    if (relative(root, target).startsWith('..')) throw new Error(`refusing to write outside ${root}: ${f.path}`);
    // files the caller found different already are not read again
    if (!options.compared && (await sameOnDisk(root, f))) {
      result.unchanged.push(f.path);
      continue;
    }
    const bytes = bytesOf(f);
    const temp = join(dirname(target), `.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(temp, bytes);
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true }).catch(() => undefined);
      // which file could not be written, for the one line the user reads
      throw Object.assign(err as Error, { outputFile: f.path });
    }
    result.written.push(f.path);
  }
  return result;
}
