import { checksPathOf } from './checks-path.ts';
import { displayPath } from '../lib/display-path.ts';
import { VFile } from 'vfile';
import type { Briefing } from '../../schemas/briefing.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { parseBriefing, type ParseInput } from '../parse/index.ts';
import { readSource, resolveSource, type ResolvedSource } from '../source.ts';
import { loadChecks, type LoadedChecks } from '../validate/checks-file.ts';
import { validate } from '../validate/index.ts';
import { sourceLines } from '../validate/source-lines.ts';

export interface Validated {
  resolved: ResolvedSource;
  input: ParseInput;
  file: VFile;
  briefing: Briefing;
  report: ValidationReport;
  /** the checks file the report was made with, if any */
  checks: LoadedChecks | null;
}

export type Parsed = Pick<Validated, 'resolved' | 'input' | 'file' | 'briefing'>;

/** read → parse: an edition id, folder, manifest or file in, the parsed briefing out. */
export async function readAndParse(source: string | undefined): Promise<Parsed> {
  const resolved = await resolveSource(source);
  // Reports and outputs name the source relative to where the user runs the tool, never by a
  // path that only exists on this machine.
  const file = new VFile({ path: displayPath(resolved.sourcePath) });
  const input = await readSource(resolved, file);
  return { resolved, input, file, briefing: parseBriefing(input, file) };
}


/** read → parse → validate. The checks file is --checks, or checks.yaml next to the manifest. */
export async function readAndValidate(options: { source?: string; checks?: string }): Promise<Validated> {
  const { resolved, input, file, briefing } = await readAndParse(options.source);
  const checks = await findChecks(options.checks, resolved);
  const report = validateParsed(briefing, input, checks);
  return { resolved, input, file, briefing, report, checks };
}

export function validateParsed(briefing: Briefing, input: Pick<ParseInput, 'text' | 'pages' | 'boxes'>, checks: LoadedChecks | null): ValidationReport {
  return validate({ briefing, ...sourceLines(input), checks });
}

async function findChecks(explicit: string | undefined, resolved: ResolvedSource): Promise<LoadedChecks | null> {
  const path = await checksPathOf(explicit, resolved);
  return path === null ? null : loadChecks(path);
}
