import { cited } from '../lib/cite.ts';
import type { Finding } from '../../schemas/validation.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import type { RuleFigure } from '../checks/rule.ts';
import type { RoleFigure } from './relations/types.ts';

/** Small builders of the validation report's findings and outcomes. */

export function toChecked(f: RuleFigure | RoleFigure) {
  const at = f.at ?? { line: 1, column: 1, endLine: 1, endColumn: 1, raw: '' };
  return { role: f.role, label: f.label, value: f.value, printed: f.printed, program: f.program, at };
}

export function figureLines(figures: RoleFigure[]): string {
  return figures.map((f) => `${f.role} ${f.printed}${f.at ? ` (${cited(f.at)})` : ' (constant)'}`).join('; ');
}

export function point(place: { line: number; column: number }): Provenance {
  return { line: place.line, column: place.column, endLine: place.line, endColumn: place.column, raw: '' };
}

export function unique(xs: (string | null)[]): string[] {
  return [...new Set(xs.filter((x): x is string => x !== null))];
}

export function finding(f: Partial<Finding> & Pick<Finding, 'ruleId' | 'severity' | 'message' | 'file' | 'at'>): Finding {
  return { checkId: null, expected: null, actual: null, note: null, programs: [], related: [], breaks: [], ...f };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0));
}
