import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Once, sha256 } from '../lib/checksums.ts';
import type { OutputFile } from './write.ts';

/** A piece of output and everything it depends on: rendered only when the inputs changed. */
export interface RenderUnit {
  id: string;
  /** a hash of every input: data slice, templates, fonts, tool and browser versions */
  inputHash: string;
  /** the units whose outputs it reads (BuildContext.output): rendered after them when they are rendered */
  after?: readonly string[];
  /** it prints in the browser: started first, so that the browser prints while the other units render */
  prints?: boolean;
  render(): Promise<OutputFile[]>;
}

interface StateEntry {
  inputHash: string;
  files: Record<string, string>; // path → sha256 of the bytes written
  /** path → the file's identity (inode, size, change and modification times) when it last hashed right: an unchanged file is not read again */
  seen?: Record<string, FileStamp>;
}

export interface BuildState {
  /** 2: files summed with plain SHA-256 (1 summed them with a separator after) */
  version: 2;
  units: Record<string, StateEntry>;
  /** the key of the parse and validation that briefing.json and validation.json hold (commands/validation-cache.ts) */
  validated?: string;
}

const STATE_FILE = '.build-state.json';

/**
 * What the file system says of a file without reading it. The change time moves with any write,
 * rename or link, and cannot be set back by a tool the way a modification time can (touch -r, cp -p).
 */
interface FileStamp {
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

const stampOf = (info: { ino: number; size: number; mtimeMs: number; ctimeMs: number }): FileStamp => ({ ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs });
const sameStamp = (a: FileStamp | undefined, b: FileStamp) => a !== undefined && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;

export function hashOf(...parts: unknown[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(typeof p === 'string' || p instanceof Uint8Array ? p : JSON.stringify(p)).update('\0');
  return h.digest('hex');
}

export async function readState(dir: string): Promise<BuildState> {
  try {
    const state = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8')) as BuildState;
    return state.version === 2 && state.units ? state : { version: 2, units: {} };
  } catch {
    return { version: 2, units: {} };
  }
}

export function stateFile(state: BuildState): OutputFile {
  return { path: STATE_FILE, content: JSON.stringify(state, null, 2) + '\n' };
}

/**
 * A unit is up to date when its inputs hash the same and every file it wrote is still there,
 * unchanged: hashed again unless its size and modification time are those it last hashed right
 * at (as make and git's index trust them), which are then noted for the next build.
 */
export async function upToDate(dir: string, unit: RenderUnit, state: BuildState): Promise<boolean> {
  const entry = state.units[unit.id];
  return entry !== undefined && entry.inputHash === unit.inputHash && intact(dir, entry);
}

async function intact(dir: string, entry: StateEntry): Promise<boolean> {
  const seen: Record<string, FileStamp> = {};
  for (const [path, sha] of Object.entries(entry.files)) {
    const info = await stat(join(dir, path)).catch(() => null);
    if (!info?.isFile()) return false;
    const stamp = stampOf(info);
    if (!sameStamp(entry.seen?.[path], stamp)) {
      const bytes = await readFile(join(dir, path)).catch(() => null);
      if (!bytes || sha256Once(bytes) !== sha) return false;
    }
    seen[path] = stamp;
  }
  entry.seen = seen;
  return true;
}

/** A file an earlier build wrote, if it is still there with the bytes the state recorded for it; else null. */
export async function recordedOutput(dir: string, state: BuildState, path: string): Promise<Uint8Array | null> {
  const sha = Object.values(state.units).find((u) => u.files[path] !== undefined)?.files[path];
  if (!sha) return null;
  const bytes = await readFile(join(dir, path)).catch(() => null);
  return bytes && sha256Once(bytes) === sha ? new Uint8Array(bytes) : null;
}

function recordUnit(state: BuildState, unit: RenderUnit, files: OutputFile[]): void {
  state.units[unit.id] = {
    inputHash: unit.inputHash,
    files: Object.fromEntries(files.map((f) => [f.path, typeof f.content === 'string' ? sha256(f.content) : sha256Once(f.content)])),
  };
}

/**
 * Records what each unit rendered, and returns the files their earlier sets had that no unit's set
 * has now (the body's print of an earlier figure, a document renamed): what goes from the folder.
 */
export function recordUnits(state: BuildState, rendered: readonly (readonly [RenderUnit, OutputFile[]])[]): string[] {
  const earlier = rendered.flatMap(([unit]) => Object.keys(state.units[unit.id]?.files ?? {}));
  for (const [unit, files] of rendered) recordUnit(state, unit, files);
  const recorded = new Set(Object.values(state.units).flatMap((u) => Object.keys(u.files)));
  return [...new Set(earlier)].filter((path) => !recorded.has(path));
}

/**
 * After a write, under the lock: the stamps of the files of this build's units — written now, or
 * found intact before the swap (linking them into the new set moved their change time) — so that
 * the next build does not read them again to know they are unchanged. Units of earlier builds
 * that this one did not check keep no stamp: their files are hashed when next needed.
 */
export async function noteWritten(dir: string, state: BuildState, ids: readonly string[]): Promise<void> {
  for (const [id, entry] of Object.entries(state.units)) if (!ids.includes(id)) delete entry.seen;
  for (const id of ids) {
    const entry = state.units[id];
    if (!entry) continue;
    const seen: Record<string, FileStamp> = {};
    for (const path of Object.keys(entry.files)) {
      const info = await stat(join(dir, path)).catch(() => null);
      if (info?.isFile()) seen[path] = stampOf(info);
    }
    // a file missing is hashed, and found missing, by the next build
    entry.seen = seen;
  }
}
