import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VFile } from 'vfile';
import { Briefing } from '../../schemas/briefing.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { noteWritten, readState, recordedOutput, recordUnits, stateFile, upToDate, type RenderUnit } from '../build/build-state.ts';
import { acquireLock } from '../build/lock.ts';
import { ensureWritableRoot, onOutput, realFolder } from '../build/out-dir.ts';
import { renderAll } from '../build/render-all.ts';
import { recoverOutput, writeStaged } from '../build/staged-write.ts';
import { writeOutputs, type OutputFile } from '../build/write.ts';
import type { SharedBrowser } from '../render-pdf/index.ts';
import { readAndValidateForBuild } from './validation-cache.ts';
import { renderUnits } from './build-units.ts';
import { previousEdition } from './previous-edition.ts';
import { browserVersion, findBrowser } from '../lib/browser-path.ts';

export interface BuildOptions {
  source?: string;
  checks?: string;
  out: string;
  /** write even when the validation found errors */
  allowErrors?: boolean;
  /** render every output even when its inputs did not change */
  force?: boolean;
  /** render the PDF packs and the delivery folders (default true) */
  packs?: boolean;
  /** the previous edition to list the changes since (an edition id, as under sources/); default: the manifest's `previous` */
  since?: string;
  /** called as each PDF pack is printed */
  onPackProgress?: (done: number, total: number, name: string) => void;
}

export interface BuildResult {
  file: VFile;
  briefing: Briefing;
  report: ValidationReport;
  outDir: string;
  written: string[];
  unchanged: string[];
  /** units whose inputs did not change, so they were not rendered */
  skipped: string[];
  /** true when errors stopped the build before anything was written */
  refused: boolean;
  /** true when nothing the parse and validation depend on changed, so the last build's briefing and report were taken */
  reused: boolean;
}

/**
 * read → parse → validate → render → write, in that order: nothing is written before all is
 * known. Outputs whose inputs did not change are not rendered again; one build at a time may
 * write an output folder, and it replaces the folder's set of outputs whole (staged, then swapped).
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  // a folder that cannot take the outputs is refused before any work
  await ensureWritableRoot(options.out);
  // one browser for whatever prints (packs, staff report, letters), started when one of them is to be rendered; the renderer loaded only then
  let shared: Promise<SharedBrowser> | null = null;
  const browser = () => (shared ??= import('../render-pdf/index.ts').then((m) => new m.SharedBrowser()));
  // (made by the units, if any printed); a renderer that did not load has no browser to close
  const closeBrowser = async () => (await (shared as Promise<SharedBrowser> | null)?.catch(() => null))?.close();
  try {
    return await built(options, browser, closeBrowser);
  } finally {
    await closeBrowser();
  }
}

async function built(options: BuildOptions, browser: () => Promise<SharedBrowser>, closeBrowser: () => Promise<void>): Promise<BuildResult> {
  // parsed and validated again only when a source, the manifest, the checks or their code changed;
  // then the staff report and the packs print again: the browser starts while the parse runs
  const startBrowser = () => void browser().then((b) => b.start(), () => undefined);
  // the units name the browser by its version: asked now, it answers while the parse runs
  if (options.packs !== false) void findBrowser().then((choice) => browserVersion(choice)).catch(() => undefined);
  const { resolved, file, briefing: parsed, report, input, checks, key, reused } = await readAndValidateForBuild({ ...options, onParse: options.packs === false ? undefined : startBrowser }, (edition) => join(options.out, edition));
  // through the schema once more: it writes briefing.json's keys in the schema's order (a reused one was read back in that order)
  const briefing = reused ? parsed : Briefing.parse(parsed);
  const outDir = join(options.out, resolved.manifest.edition);
  const result: BuildResult = { file, briefing, report, outDir, written: [], unchanged: [], skipped: [], refused: false, reused };
  if (report.summary.errors > 0 && !options.allowErrors) return { ...result, refused: true };

  // the folder itself, links followed: one lock, one staging place, however it is named
  const folder = await realFolder(outDir);
  const lock = await onOutput(outDir, 'taking the build lock', () => acquireLock(folder));
  try {
    await onOutput(outDir, 'cleaning up after an earlier build', () => recoverOutput(folder));
    const state = await readState(folder);
    const previous = await previousEdition(resolved, briefing, input.text, file, options.since);
    // the outputs of the units rendered so far, by path: what a unit rendered after them reads
    const rendered = new Map<string, OutputFile>();
    const output = async (path: string): Promise<Uint8Array> => {
      const f = rendered.get(path);
      if (f) return typeof f.content === 'string' ? new TextEncoder().encode(f.content) : f.content;
      return new Uint8Array(await readFile(join(folder, path)));
    };
    const earlier = (path: string) => recordedOutput(folder, state, path);
    const units = await renderUnits({ briefing, report, manifest: resolved.manifest, options, sourceText: input.text, checksText: checks?.text ?? null, previous, output, earlier, browser });
    const stale: RenderUnit[] = [];
    for (const unit of units) {
      if (!options.force && (await upToDate(folder, unit, state))) result.skipped.push(unit.id);
      else stale.push(unit);
    }
    // the browser starts while the units prepare what they print, and what does not print renders while it prints
    const printing = stale.some((unit) => unit.prints) ? browser() : null;
    void printing?.then((b) => b.start()).catch(() => undefined);
    const outputs = await renderAll(units, stale, (done) => done.forEach((f) => rendered.set(f.path, f)), { printing: printing?.then((b) => b.windowAsked) });
    // nothing prints any more: the browser closes while the outputs are written (the build waits for it before it returns)
    closeBrowser().catch(() => undefined);
    // each output's checksum as the last build wrote it, and as this one renders it
    const checksums = (s: typeof state) => new Map(Object.values(s.units).flatMap((u) => Object.entries(u.files)));
    const before = checksums(state);
    // recorded in the order of the units, whichever ended first: the same build state for the same outputs
    const dropped = recordUnits(state, stale.map((unit, i) => [unit, outputs[i]!] as const));
    const now = checksums(state);
    state.validated = key;
    const files = [...outputs.flat(), stateFile(state)];
    // a file whose checksum is not the one the last build wrote it with differs from it: written without reading it first
    const differs = (f: OutputFile) => before.has(f.path) && before.get(f.path) !== now.get(f.path);
    // what a unit no longer makes (the print of an earlier body) goes: the folder keeps only what the next build may use
    const staged = await writeStaged(folder, files, { remove: dropped, differs });
    result.written = staged.written.filter((p) => !p.startsWith('.'));
    result.unchanged = staged.unchanged.filter((p) => !p.startsWith('.'));
    // the files of this build's units as they now stand, noted for the next build (the state written again, alone: atomic)
    if (staged.written.length > 0) {
      await noteWritten(folder, state, units.map((u) => u.id));
      await onOutput(outDir, 'writing the build state', () => writeOutputs(folder, [stateFile(state)]));
    }
  } finally {
    await lock.release();
  }
  return result;
}
