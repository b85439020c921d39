import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Briefing } from '../schemas/briefing.ts';
import type { ValidationReport } from '../schemas/validation.ts';
import { PROJECT_ROOT } from '../pipeline/source.ts';
import { validateParsed } from '../pipeline/commands/validate.ts';
import { parseChecks } from '../pipeline/validate/checks-file.ts';
import { R6_TEXT, parseText } from './helpers/r6.ts';
import { R6_CHECKS, R6_CHECKS_PATH } from './helpers/validate.ts';

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
  if (!compiledIsCurrent()) {
    const tsc = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(PROJECT_ROOT, 'tsconfig.build.json')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    if (tsc.status !== 0) throw new Error(`the CLI does not compile:\n${tsc.stdout}${tsc.stderr}`);
    // tsc leaves its build info alone when only times changed: mark dist/ as checked now
    const now = new Date();
    utimesSync(join(PROJECT_ROOT, 'dist', '.tsbuildinfo'), now, now);
  }
  const { briefing } = await parseText();
  project.provide('r6Briefing', briefing);
  project.provide('r6Report', validateParsed(briefing, { text: R6_TEXT }, parseChecks(R6_CHECKS, R6_CHECKS_PATH)));
}

/** dist/ was compiled after the last change to the code it is made of (npm ci has just built it, say). */
function compiledIsCurrent(): boolean {
  const built = statSync(join(PROJECT_ROOT, 'dist', '.tsbuildinfo'), { throwIfNoEntry: false });
  if (!built) return false;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0);
  const sources = Math.max(...['pipeline', 'schemas'].map((d) => newest(join(PROJECT_ROOT, d))), ...['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((f) => statSync(join(PROJECT_ROOT, f)).mtimeMs));
  return built.mtimeMs > sources;
}
