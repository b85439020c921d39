import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateParsed } from '../../pipeline/commands/validate.ts';
import { InputError } from '../../pipeline/lib/errors.ts';
import { ValidationReport } from '../../schemas/validation.ts';
import { parseChecks } from '../../pipeline/validate/checks-file.ts';
import { R6_TEXT, parseText } from '../helpers/r6.ts';
import { R6_CHECKS, R6_CHECKS_PATH } from '../helpers/validate.ts';

const LINES = R6_TEXT.split('\n');
const CHECK_LINES = R6_CHECKS.split('\n');

/** Random edits a person or a bad extraction could make to the source. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(LINES.length - 1), count: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('swap-digits' as const), at: fc.nat(LINES.length - 1) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(LINES.length - 1), count: fc.integer({ min: 5, max: 120 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(R6_TEXT.length - 1) }),
  fc.record({ kind: fc.constant('garble' as const), at: fc.nat(LINES.length - 1), text: fc.string({ maxLength: 40 }) }),
);

function applyOne(text: string, e: { kind: string; at: number; count?: number; text?: string }): string {
  const lines = text.split('\n');
  const at = Math.min(e.at, lines.length - 1);
  switch (e.kind) {
    case 'delete':
      lines.splice(at, e.count!);
      return lines.join('\n');
    case 'swap-digits':
      lines[at] = lines[at]!.replace(/(\d)(\D*)(\d)/, '$3$2$1');
      return lines.join('\n');
    case 'duplicate':
      lines.splice(at, 0, ...lines.slice(at, at + e.count!));
      return lines.join('\n');
    case 'cut':
      return text.slice(0, Math.min(e.at, text.length));
    default:
      lines[at] = e.text!;
      return lines.join('\n');
  }
}

describe('robustness', () => {
  it('random edits never crash the pipeline: a parse with findings, or a located refusal', async () => {
    const checks = parseChecks(R6_CHECKS, R6_CHECKS_PATH);
    let refused = 0;
    let parsed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const text = edits.reduce((t, e) => applyOne(t, e), R6_TEXT);
        try {
          const { briefing } = await parseText(text);
          const report = ValidationReport.parse(validateParsed(briefing, { text }, checks));
          expect(report.summary.errors).toBe(report.findings.filter((f) => f.severity === 'error').length);
          // every finding points into the edited source (or into the checks file) at a place that exists
          const lines = text.split('\n');
          for (const f of report.findings) {
            if (f.at === null) continue;
            const within = f.file === briefing.source.file ? lines : CHECK_LINES;
            expect(f.at.line, f.message).toBeLessThanOrEqual(within.length);
            expect(f.at.column, f.message).toBeLessThanOrEqual(within[f.at.line - 1]!.length + 1);
            if (f.at.raw) expect(within[f.at.line - 1], f.message).toContain(f.at.raw.split('\n')[0]);
          }
          parsed++;
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          // one located line per refusal, each followed by its hints ("did you mean …"), indented
          const printed = err.format().split('\n');
          for (const line of printed) expect(line).toMatch(/: error: .+ \[[a-z-]+\]$|^ {4}\S/);
          expect(printed.filter((l) => !l.startsWith('    '))).toHaveLength(err.all().length);
          if (err.line !== null && err.file.endsWith('briefing.txt')) expect(err.line).toBeLessThanOrEqual(text.split('\n').length);
          refused++;
        }
      }),
      { numRuns: 60, seed: 20241126 },
    );
    console.log(`fuzz: ${parsed} edited sources parsed and validated, ${refused} refused with a located message`);
    // both paths are taken, or the property above tested one of them only
    expect(parsed).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 300_000);
});
