import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Briefing } from '../schemas/briefing.ts';
import type { ValidationReport } from '../schemas/validation.ts';
import { PROJECT_ROOT } from '../pipeline/source.ts';
import { parseText } from './helpers/r6.ts';
import { validateText } from './helpers/validate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the bundled R6 briefing, parsed once for the whole run */
    r6Briefing: Briefing;
    /** its validation with sources/r6/checks.yaml */
    r6Report: ValidationReport;
  }
}

/**
 * Once per run, before any test file: compile the CLI (the tests run bin/briefing.mjs as users do,
 * on dist/ made from the code under test), then parse and validate the bundled R6 briefing, which
 * every file that needs it receives through inject() instead of parsing it again.
 */
export default async function setup(project: TestProject): Promise<void> {
  const tsc = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(PROJECT_ROOT, 'tsconfig.build.json')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (tsc.status !== 0) throw new Error(`the CLI does not compile:\n${tsc.stdout}${tsc.stderr}`);
  const { briefing } = await parseText();
  project.provide('r6Briefing', briefing);
  project.provide('r6Report', await validateText());
}
