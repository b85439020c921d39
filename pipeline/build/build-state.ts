import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
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
}

export interface BuildState {
  version: 1;
  units: Record<string, StateEntry>;
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

/** A unit is up to date when its inputs hash the same and every file it wrote is still there, unchanged. */
export async function upToDate(dir: string, unit: RenderUnit, state: BuildState): Promise<boolean> {
  const entry = state.units[unit.id];
  if (!entry || entry.inputHash !== unit.inputHash) return false;
  for (const [path, sha] of Object.entries(entry.files)) {
    const bytes = await readFile(join(dir, path)).catch(() => null);
    if (!bytes || hashOf(bytes) !== sha) return false;
  }
  return true;
}

export function recordUnit(state: BuildState, unit: RenderUnit, files: OutputFile[]): void {
  state.units[unit.id] = {
    inputHash: unit.inputHash,
    files: Object.fromEntries(files.map((f) => [f.path, hashOf(typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content)])),
  };
}
