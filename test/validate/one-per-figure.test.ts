import { describe, expect, it } from 'vitest';
import type { Finding } from '../../schemas/validation.ts';
import { onePerFigure } from '../../pipeline/validate/one-per-figure.ts';

const at = (line: number) => ({ line, column: 1, endLine: line, endColumn: 4, raw: '123' });
const error = (ruleId: string, checkId: string | null, line: number, related: number[]): Finding => ({
  ruleId, checkId, severity: 'error', message: `${checkId ?? ruleId} fails`, expected: null, actual: null, note: null, programs: ['1'], file: 'b.txt', at: at(line), related: related.map(at), breaks: [],
});

describe('one finding per wrong figure', () => {
  it('makes one finding of the errors that blame the same figure, a declared check leading', () => {
    const merged = onePerFigure([error('breakdown-total', null, 10, [3, 4]), error('sum', 'jet-by-role', 10, [5, 6]), error('sum', 'jet-by-country', 10, [3, 4])], 'b.txt');
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ checkId: 'jet-by-role', related: [at(5), at(6)] });
    expect(merged[0]!.breaks.map((b) => [b.checkId ?? b.ruleId, b.at?.line, b.related.map((r) => r.line)])).toEqual([
      ['breakdown-total', 10, [3, 4]],
      ['jet-by-country', 10, [3, 4]],
    ]);
  });

  it('keeps errors that blame different figures apart, even where one involves the other\'s figure', () => {
    // which of 8, 9, 10 is wrong is not known from the first; the second blames 9: two findings
    const kept = onePerFigure([error('stated-total', null, 10, [8, 9]), error('repeated-figure', null, 9, [50])], 'b.txt');
    expect(kept.map((f) => f.at!.line).sort()).toEqual([10, 9].sort());
    expect(kept.every((f) => f.breaks.length === 0)).toBe(true);
  });

  it('leaves warnings and errors of the checks file alone', () => {
    const warning = { ...error('sum', 'a', 10, []), severity: 'warning' as const };
    const checksFile = { ...error('checks-unknown-figure', 'b', 10, []), file: 'checks.yaml' };
    expect(onePerFigure([warning, checksFile, error('sum', 'c', 10, [])], 'b.txt')).toHaveLength(3);
  });
});
