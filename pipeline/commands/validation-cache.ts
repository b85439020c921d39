import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { Briefing } from '../../schemas/briefing.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { hashOf, readState } from '../build/build-state.ts';
import { sha256Once } from '../lib/checksums.ts';
import { codeHash } from '../build/code-hash.ts';
import { displayPath } from '../lib/display-path.ts';
import { readYamlText } from '../lib/yaml-file.ts';
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
 * briefing's notes, so the user sees the same messages. `outDirOf` names the folder of an edition;
 * `onParse` is called when the inputs changed, before the parse.
 */
export async function readAndValidateForBuild(options: { source?: string; checks?: string; force?: boolean; onParse?: () => void }, outDirOf: (edition: string) => string): Promise<KeyedValidation> {
  const resolved = await resolveSource(options.source);
  const file = new VFile({ path: displayPath(resolved.sourcePath) });
  const input = await readSource(resolved, file);
  const checksPath = await checksPathOf(options.checks, resolved);
  // read once: the key and the checks the validation runs with are the same text
  const checksText = checksPath === null ? null : await readYamlText(checksPath, { noun: 'checks file', ruleId: 'checks-read' });
  const key = hashOf(
    codeHash(['pipeline/commands/validation-cache.ts']),
    // the parse reads text with Intl, Unicode properties and NFKC: the runtime's ICU and Unicode versions
    [process.versions.node, process.versions.icu ?? '', process.versions.unicode ?? ''],
    input.bytes,
    resolved.manifest,
    file.path,
    checksPath === null ? null : [checksPath, checksText],
  );
  const last = options.force ? null : await lastValidation(outDirOf(resolved.manifest.edition), key);
  if (last) {
    for (const note of last.briefing.notes) reportNote(file, note);
    // the checks file as the report was made with it; read, not parsed again: the report is its result
    const checks = checksPath === null ? null : { path: checksPath, text: checksText! };
    return { resolved, input, file, checks, briefing: last.briefing, report: last.report, key, reused: true };
  }
  // an input changed: what the build renders from it is known only after the parse
  options.onParse?.();
  // the parser and the checks are loaded only when they have work to do
  const [{ parseBriefing }, { parseChecks }, { validateParsed }] = await Promise.all([import('../parse/index.ts'), import('../validate/checks-file.ts'), import('./validate.ts')]);
  const checks = checksPath === null ? null : parseChecks(checksText!, checksPath);
  const briefing = parseBriefing(input, file);
  return { resolved, input, file, checks, briefing, report: validateParsed(briefing, input, checks), key, reused: false };
}

/**
 * The briefing and report an earlier build wrote from the inputs of `key`, if it did: each file's
 * bytes read once, checked against the checksum the build state holds for them, and parsed — so
 * that a build swapping the folder in between is caught, not half read.
 */
async function lastValidation(dir: string, key: string): Promise<{ briefing: Briefing; report: ValidationReport } | null> {
  try {
    const state = await readState(dir);
    if (state.validated !== key) return null;
    const read = async (name: string): Promise<unknown> => {
      const bytes = await readFile(join(dir, name));
      const recorded = state.units[name]?.files[name];
      if (!recorded || sha256Once(bytes) !== recorded) throw new Error(`${name} is not what the build state says`);
      return JSON.parse(bytes.toString('utf8'));
    };
    const [briefing, report] = await Promise.all([read('briefing.json'), read('validation.json')]);
    return { briefing: briefing as Briefing, report: report as ValidationReport };
  } catch {
    // whatever cannot be read back as it was written is parsed again
    return null;
  }
}
