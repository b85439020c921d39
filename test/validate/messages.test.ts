import { describe, expect, it } from 'vitest';
import { formatTerminal } from '../../pipeline/report/terminal.ts';
import { R6_TEXT } from '../helpers/r6.ts';
import { R6_CHECKS, replaceOnce, validateText } from '../helpers/validate.ts';

/** The R6 checks with the reward cap pinned a third time, by a constant of the same 320万円. */
const THREE_EQUAL = R6_CHECKS.replace(
  '      - { cap: { program: kyoryokutai, item: 報償費等, slide: 拡充 } }\n',
  '      - { cap: { program: kyoryokutai, item: 報償費等, slide: 拡充 } }\n      - { constant: reward-cap }\n',
).replace(/^constants:\n/m, 'constants:\n  reward-cap: { value: 3200000, note: 報償費等の上限（交付要綱） }\n');

describe('messages of failed checks, as found', () => {
  it('equal: the value the others disagree with is blamed, with ≠ where values differ and amounts in 万円', async () => {
    expect(THREE_EQUAL).toContain('reward-cap: { value: 3200000');
    const pass = await validateText(R6_TEXT, THREE_EQUAL);
    expect(pass.checks.find((c) => c.id === 'kyoryokutai-reward-raised')).toMatchObject({ status: 'pass', detail: '320万円 (line 12) = 320万円 (line 101) = 3,200,000 (line -)' });
    // the first of three equal values changed: the other two agree, so the first is wrong
    const report = await validateText(replaceOnce(R6_TEXT, '(報償費等：320万円、', '(報償費等：330万円、'), THREE_EQUAL);
    const finding = report.findings.find((f) => f.checkId === 'kyoryokutai-reward-raised')!;
    expect(finding).toMatchObject({ severity: 'error', expected: '320万円', actual: '330万円', at: { line: 12 } });
    expect(finding.message).toContain('330万円 (line 12) ≠ 320万円 (line 101) = 3,200,000 (line -)');
  });

  it('ordered: the signs between the values as they are, and the order expected', async () => {
    const report = await validateText(replaceOnce(R6_TEXT, '（近隣市町村 1,000万円→1,500万円（H26）', '（近隣市町村 1,000万円→2,500万円（H26）'));
    const finding = report.findings.find((f) => f.checkId === 'teiju-neighbour-raised')!;
    expect(finding.message).toContain('1,000万円 < 2,500万円 > 1,800万円 (expected strictly increasing)');
    expect(finding).toMatchObject({ actual: '2,500万円 then 1,800万円' });
  });

  it('the terminal names each other line once, and not the line the message is on', async () => {
    const text = formatTerminal(await validateText());
    expect(text).toContain('see also line 3258\n');
    expect(text).not.toMatch(/see also line (\d+), \1\b/);
  });
});

describe('span in elapsed months', () => {
  it('counts whole months from one date to the other; a day not yet reached does not complete the last month', async () => {
    const { span } = await import('../../pipeline/validate/relations/span.ts');
    const figure = (printed: string, year: number, month: number, day: number | null) => ({ value: year, printed, label: printed, program: null, at: null, date: { year, month, day }, role: '' });
    const resolver = (count: number, from: ReturnType<typeof figure>, to: ReturnType<typeof figure>) => ({
      one: (_sel: unknown, role: string) => ({ ...(role === 'count' ? { ...from, value: count, printed: `${count}か月` } : role === 'from' ? from : to), role }),
      many: () => [],
      rows: () => [],
      printedYear: () => null,
      term: () => {
        throw new Error('a span names no term');
      },
    });
    const check = { id: 'x', statement: 'x', relation: 'span' as const, counting: 'elapsed' as const, unit: 'months' as const, count: { constant: 'c' }, from: { constant: 'f' }, to: { constant: 't' } };
    const april = figure('R6.4.1', 2024, 4, 1);
    expect(span(check, resolver(12, april, figure('R7.4.1', 2025, 4, 1)), 2024)).toMatchObject({ pass: true, detail: 'R7.4.1 − R6.4.1 in whole months = 12; printed 12' });
    expect(span(check, resolver(12, figure('R6.4.30', 2024, 4, 30), figure('R7.4.1', 2025, 4, 1)), 2024)).toMatchObject({ pass: false, expected: '11' });
    expect(span({ ...check, unit: 'years' }, resolver(1, april, figure('R7.3.31', 2025, 3, 31)), 2024)).toMatchObject({ pass: false, expected: '0' });
  });
});
