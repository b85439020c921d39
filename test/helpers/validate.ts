import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, ValidationReport } from '../../schemas/validation.ts';
import { validateParsed } from '../../pipeline/commands/validate.ts';
import { parseChecks } from '../../pipeline/validate/checks-file.ts';
import { R6_DIR, R6_TEXT, fromRun, parseText } from './r6.ts';

export const R6_CHECKS_PATH = join(R6_DIR, 'checks.yaml');
export const R6_CHECKS = readFileSync(R6_CHECKS_PATH, 'utf8');

/** Parse and validate a text against a checks file (by default the R6 briefing and its checks). */
export async function validateText(text = R6_TEXT, checks = R6_CHECKS): Promise<ValidationReport> {
  // the bundled briefing with its own checks: validated once per run (test/global-setup.ts)
  const shared = text === R6_TEXT && checks === R6_CHECKS ? fromRun('r6Report') : undefined;
  if (shared) return shared;
  const { briefing } = await parseText(text);
  return validateParsed(briefing, { text }, parseChecks(checks, R6_CHECKS_PATH));
}

/** The R6 text with one figure changed: `find` must occur exactly once. */
export function replaceOnce(text: string, find: string, replace: string): string {
  const at = text.indexOf(find);
  if (at < 0 || text.indexOf(find, at + 1) >= 0) throw new Error(`"${find}" must occur exactly once`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}


/**
 * Every error as its check would report it alone: the findings, and the checks each one's figure
 * also breaks (one wrong figure is one finding, listing the others in `breaks`).
 */
export function everyError(report: ValidationReport): Omit<Finding, 'breaks'>[] {
  return report.findings
    .filter((f) => f.severity === 'error')
    .flatMap(({ breaks, ...f }) => [f, ...breaks.map((b) => ({ ...f, ...b, note: null }))]);
}
