import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Briefing } from '../../schemas/briefing.ts';
import type { EditionDiff } from '../../schemas/diff.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { readAndValidate } from '../../pipeline/commands/validate.ts';
import { diffEditions } from '../../pipeline/diff/index.ts';
import { sourceLines } from '../../pipeline/validate/source-lines.ts';
import { runCli } from './cli.ts';
import { R6_TEXT, parseR6 } from './r6.ts';
import { realisticR7 } from './r7-realistic.ts';
import { tempDir } from './temp.ts';

export interface R7Edition {
  /** the working folder: sources/r7 made by `briefing init` */
  dir: string;
  briefing: Briefing;
  report: ValidationReport;
  manifest: Manifest;
  /** what changed since R6, as a build of R7 compares it */
  changes: EditionDiff;
}

let cached: Promise<R7Edition> | null = null;

/** The realistic R7 (test/helpers/r7-realistic.ts) as a user starts it — `init r7 --from r6 --source r7.txt` — parsed, validated and compared with R6; once per test file. */
export function r7Edition(): Promise<R7Edition> {
  cached ??= makeR7Edition();
  return cached;
}

async function makeR7Edition(): Promise<R7Edition> {
  const dir = tempDir('r7');
  writeFileSync(join(dir, 'r7.txt'), await realisticR7());
  const init = runCli(['init', 'r7', '--from', 'r6', '--source', 'r7.txt'], dir);
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  const { resolved, briefing, report, input } = await readAndValidate({ source: join(dir, 'sources', 'r7') });
  const { briefing: r6 } = await parseR6();
  const changes = diffEditions({ briefing: r6, lineText: sourceLines({ text: R6_TEXT }).lineText }, { briefing, lineText: sourceLines({ text: input.text }).lineText });
  return { dir, briefing, report, manifest: resolved.manifest, changes };
}
