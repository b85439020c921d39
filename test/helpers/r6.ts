import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { inject, type ProvidedContext } from 'vitest';
import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import { loadManifest } from '../../pipeline/manifest.ts';
import { parseBriefing } from '../../pipeline/parse/index.ts';
import { PROJECT_ROOT } from '../../pipeline/source.ts';

export const R6_DIR = join(PROJECT_ROOT, 'sources', 'r6');
export const R6_TEXT_PATH = join(R6_DIR, 'briefing.txt');
export const R6_TEXT = readFileSync(R6_TEXT_PATH, 'utf8');

let manifest: Promise<Manifest> | null = null;
/** The R6 manifest, read once per test file (a test that changes it gets its own copy: structuredClone). */
export function r6Manifest(): Promise<Manifest> {
  manifest ??= loadManifest(join(R6_DIR, 'manifest.yaml')).then((loaded) => Object.freeze(loaded.manifest));
  return manifest.then((m) => structuredClone(m));
}

/** Parse a text (by default the bundled R6 briefing) with the R6 manifest. */
export async function parseText(text = R6_TEXT, path = R6_TEXT_PATH, manifest?: Manifest): Promise<{ briefing: Briefing; file: VFile }> {
  const file = new VFile({ path });
  const bytes = Buffer.from(text, 'utf8');
  const briefing = parseBriefing({ text, format: 'text', encoding: 'utf-8', bytes, manifest: manifest ?? (await r6Manifest()) }, file);
  return { briefing, file };
}

let cached: Promise<{ briefing: Briefing }> | null = null;
/**
 * The bundled R6 briefing, parsed once per run by test/global-setup.ts; a process outside the
 * test runner (a child a test starts) parses it itself.
 */
export function parseR6(): Promise<{ briefing: Briefing }> {
  const briefing = fromRun('r6Briefing');
  cached ??= briefing ? Promise.resolve({ briefing }) : parseText();
  return cached;
}

/** A value the global setup provided, or undefined outside a test file. */
export function fromRun<K extends 'r6Briefing' | 'r6Report'>(key: K): ProvidedContext[K] | undefined {
  try {
    return inject(key);
  } catch {
    return undefined; // the global setup itself, or a child process: no runner state
  }
}

/** The raw lines of one slide of a parsed text (by 1-based slide index). */
export function slideLines(briefing: Briefing, text: string, index: number): string[] {
  const lines = text.split('\n');
  const slide = briefing.slides[index - 1]!;
  const next = briefing.slides[index];
  return lines.slice(slide.startLine - 1, (next?.startLine ?? lines.length + 1) - 1);
}
