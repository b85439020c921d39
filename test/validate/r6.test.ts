import { describe, expect, it } from 'vitest';
import { ValidationReport } from '../../schemas/validation.ts';
import { validateText } from '../helpers/validate.ts';

describe('validation of the bundled R6 briefing', () => {
  it('passes with zero errors', async () => {
    const report = await validateText();
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.summary.errors).toBe(0);
    expect(() => ValidationReport.parse(report)).not.toThrow();
  });

  it('reports its three known inconsistencies as warnings, with their reasons', async () => {
    const report = await validateText();
    const warnings = report.findings.filter((f) => f.severity === 'warning');
    expect(warnings.map((w) => [w.checkId ?? w.ruleId, w.at?.line])).toEqual([
      ['jet-sports-name', 3073],
      ['rinji-total', 3257],
      ['date-plausible', 3625],
    ]);
    expect(warnings[1]).toMatchObject({ expected: '17兆円', actual: '18.3兆円' });
    expect(warnings[1]!.note).toContain('acknowledged: 原資料の「うち」内訳の合計は17.0兆円');
    expect(warnings[2]!.note).toContain('H30.11.2');
  });

  it('runs several dozen declared checks and the generic rules', async () => {
    const report = await validateText();
    const declared = report.checks.filter((c) => !c.id.includes(':'));
    expect(declared.length).toBeGreaterThanOrEqual(80);
    expect(new Set(declared.map((c) => c.relation))).toEqual(
      new Set(['sum', 'ratio', 'multiplier', 'count', 'equal', 'at-most', 'ordered', 'span', 'nth-since', 'row-sum', 'same-term']),
    );
    const generic = report.checks.filter((c) => c.id.includes(':'));
    expect(new Set(generic.map((c) => c.relation))).toEqual(
      new Set(['share-sum', 'cap-components', 'breakdown-total', 'stated-total', 'partition-columns', 'stated-span', 'listed-count', 'of-which', 'repeated-figure', 'series-years', 'series-mentions', 'sheet-copies', 'date-plausible', 'budget-year']),
    );
    expect(report.summary).toMatchObject({ errors: 0, warnings: 3, checksFailed: 0, acknowledged: 3 });
  });

  it('compares the 隊員数 quoted in the text (令和5年度は7,200人) with the table', async () => {
    const report = await validateText();
    const mention = report.checks.find((c) => c.relation === 'series-mentions')!;
    expect(mention).toMatchObject({ status: 'pass', detail: 'text 7,200人 (line 149); table 7,200人 (line 56)' });
  });
});
