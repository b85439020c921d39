import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutputFile } from './write.ts';

/** A piece of output and everything it depends on: rendered only when the inputs changed. */
export interface RenderUnit {
  id: string;
  /** a hash of every input: data slice, templates, fonts, tool and browser versions */
  inputHash: string;
  render(): Promise<OutputFile[]>;
}

interface StateEntry {
  inputHash: string;
  files: Record<string, string>; // path → sha256 of the bytes written
  /** path → size and modification time at which the file last hashed right: an unchanged file is not read again */
  seen?: Record<string, { size: number; mtimeMs: number }>;
}

export interface BuildState {
  version: 1;
  units: Record<string, StateEntry>;
  /** the key of the parse and validation that briefing.json and validation.json hold (commands/validation-cache.ts) */
  validated?: string;
}

const STATE_FILE = '.build-state.json';

export function hashOf(...parts: unknown[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(typeof p === 'string' || p instanceof Uint8Array ? p : JSON.stringify(p)).update('\0');
  return h.digest('hex');
}

export async function readState(dir: string): Promise<BuildState> {
  try {
    const state = JSON.parse(await readFile(join(dir, STATE_FILE), 'utf8')) as BuildState;
    return state.version === 1 && state.units ? state : { version: 1, units: {} };
  } catch {
    return { version: 1, units: {} };
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

/** Every file a unit wrote is still there, unchanged (see upToDate). */
export async function unitIntact(dir: string, state: BuildState, id: string): Promise<boolean> {
  const entry = state.units[id];
  return entry !== undefined && intact(dir, entry);
}

async function intact(dir: string, entry: StateEntry): Promise<boolean> {
  const seen: NonNullable<StateEntry['seen']> = {};
  for (const [path, sha] of Object.entries(entry.files)) {
    const info = await stat(join(dir, path)).catch(() => null);
    if (!info?.isFile()) return false;
    const last = entry.seen?.[path];
    if (!last || last.size !== info.size || last.mtimeMs !== info.mtimeMs) {
      const bytes = await readFile(join(dir, path)).catch(() => null);
      if (!bytes || hashOf(bytes) !== sha) return false;
    }
    seen[path] = { size: info.size, mtimeMs: info.mtimeMs };
  }
  entry.seen = seen;
  return true;
}

export function recordUnit(state: BuildState, unit: RenderUnit, files: OutputFile[]): void {
  state.units[unit.id] = {
    inputHash: unit.inputHash,
    files: Object.fromEntries(files.map((f) => [f.path, hashOf(typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content)])),
  };
}

/**
 * After a write: the size and modification time of every file the given units just wrote (or
 * found identical), so that the next build does not read them again to know they are unchanged.
 */
export async function noteWritten(dir: string, state: BuildState, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const entry = state.units[id];
    if (!entry) continue;
    const seen: NonNullable<StateEntry['seen']> = {};
    for (const path of Object.keys(entry.files)) {
      const info = await stat(join(dir, path)).catch(() => null);
      if (info?.isFile()) seen[path] = { size: info.size, mtimeMs: info.mtimeMs };
    }
    // a file missing is hashed, and found missing, by the next build
    entry.seen = seen;
  }
}
