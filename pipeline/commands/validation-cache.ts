import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { Briefing } from '../../schemas/briefing.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { hashOf, readState, unitIntact } from '../build/build-state.ts';
import { codeHash } from '../build/code-hash.ts';
import { displayPath } from '../lib/display-path.ts';
import { reportNote } from '../parse/notes.ts';
import { readSource, resolveSource } from '../source.ts';
import { checksPathOf } from './checks-path.ts';
import type { Validated } from './validate.ts';

/** A validation, and the key that names everything it was made from. */
export interface KeyedValidation extends Omit<Validated, 'checks'> {
  /** the checks file, parsed when the validation ran; its path and text when it was reused */
  checks: Pick<NonNullable<Validated['checks']>, 'path' | 'text'> | null;
  key: string;
  /** true when briefing.json and validation.json of the last build were taken instead of parsing again */
  reused: boolean;
}

/**
 * read → parse → validate for a build, or — when the edition's output folder already holds the
 * briefing and report of exactly these inputs — those, read back: the key is the source's bytes,
 * the manifest, the checks file, the names they are reported under and the code that parses and
 * validates (every module validate.ts reaches, and the libraries as installed), and both files
 * must be intact (the build state's checksums). The parse's warnings are told again from the
 * briefing's notes, so the user sees the same messages. `outDirOf` names the folder of an edition.
 */
export async function readAndValidateForBuild(options: { source?: string; checks?: string }, outDirOf: (edition: string) => string): Promise<KeyedValidation> {
  const resolved = await resolveSource(options.source);
  const file = new VFile({ path: displayPath(resolved.sourcePath) });
  const input = await readSource(resolved, file);
  const checksPath = await checksPathOf(options.checks, resolved);
  const checksText = checksPath === null ? null : await readFile(checksPath, 'utf8').catch(() => null);
  const key = hashOf(codeHash(['pipeline/commands/validate.ts']), input.bytes, resolved.manifest, file.path, checksPath === null ? null : [displayPath(checksPath), checksText]);
  const last = checksText === null && checksPath !== null ? null : await lastValidation(outDirOf(resolved.manifest.edition), key);
  if (last) {
    for (const note of last.briefing.notes) reportNote(file, note);
    // the checks file as the report was made with it; read, not parsed again: the report is its result
    const checks = checksPath === null ? null : { path: checksPath, text: checksText! };
    return { resolved, input, file, checks, briefing: last.briefing, report: last.report, key, reused: true };
  }
  // the parser and the checks are loaded only when they have work to do
  const [{ parseBriefing }, { loadChecks }, { validateParsed }] = await Promise.all([import('../parse/index.ts'), import('../validate/checks-file.ts'), import('./validate.ts')]);
  const checks = checksPath === null ? null : await loadChecks(checksPath);
  const briefing = parseBriefing(input, file);
  return { resolved, input, file, checks, briefing, report: validateParsed(briefing, input, checks), key, reused: false };
}

/** The briefing and report an earlier build wrote from the inputs of `key`, if it did and they are intact. */
async function lastValidation(dir: string, key: string): Promise<{ briefing: Briefing; report: ValidationReport } | null> {
  try {
    const state = await readState(dir);
    if (state.validated !== key || !(await unitIntact(dir, state, 'briefing.json')) || !(await unitIntact(dir, state, 'validation.json'))) return null;
    const [briefing, report] = await Promise.all(['briefing.json', 'validation.json'].map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8'))));
    return { briefing: briefing as Briefing, report: report as ValidationReport };
  } catch {
    // whatever cannot be read back is parsed again
    return null;
  }
}
