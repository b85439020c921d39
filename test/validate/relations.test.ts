import { describe, expect, it } from 'vitest';
import { validateParsed } from '../../pipeline/commands/validate.ts';
import { parseChecks } from '../../pipeline/validate/checks-file.ts';
import { R6_TEXT, R6_TEXT_PATH, parseText, r6Manifest } from '../helpers/r6.ts';
import { R6_CHECKS, R6_CHECKS_PATH, everyError, replaceOnce, validateText } from '../helpers/validate.ts';

/** Validate R6 with one figure changed and return the error findings. */
async function errorsAfter(find: string, replace: string) {
  const report = await validateText(replaceOnce(R6_TEXT, find, replace));
  return everyError(report);
}

describe('relations, on real figures', () => {
  it('sum: JET 5,831 = ALT 5,355 + CIR 468 + SEA 8 fails when the total changes, at the total', async () => {
    const errors = await errorsAfter('（総数5,831人）', '（総数5,841人）');
    const jet = errors.find((e) => e.checkId === 'jet-by-role')!;
    expect(jet).toMatchObject({ ruleId: 'sum', expected: '5,831', actual: '5,841', at: { line: 3106 } });
    expect(jet.related.map((r) => r.line)).toEqual([3067, 3070, 3073]);
    expect(errors.find((e) => e.checkId === 'jet-by-country')).toBeDefined();
    expect(errors.find((e) => e.ruleId === 'breakdown-total')).toBeDefined();
  });

  it('ratio: 効果公表率 92% = (1,600 + 47) / 1,788 with the document rounding', async () => {
    const report = await validateText();
    expect(report.checks.find((c) => c.id === 'rinji-effect-rate-r2')!.detail).toBe(
      '(1,600 + 47) / (1,788) = 92.11% → round to 0 digit(s): 92%; printed 92%',
    );
    const errors = await errorsAfter('R２ 95% 92%', 'R２ 95% 93%');
    expect(errors.find((e) => e.checkId === 'rinji-effect-rate-r2')).toMatchObject({ expected: '92%', actual: '93%', at: { line: 3298 } });
  });

  it('multiplier: ふるさと融資 42 × 1.25 × 1.5 = 78.75 is printed truncated as 78.7', async () => {
    const report = await validateText();
    expect(report.checks.find((c) => c.id === 'furusato-loan-prefectures-complex-revitalization')).toMatchObject({
      status: 'pass',
      detail: '42 × 1.25 × 1.5 = 78.75 → truncate to 1 digit(s): 78.7; printed 78.7',
    });
    const errors = await errorsAfter('複合施設 15.7 19.6 20.2 25.3', '複合施設 15.7 19.7 20.2 25.3');
    expect(errors.find((e) => e.checkId === 'furusato-loan-municipalities-complex-revitalization')).toMatchObject({ expected: '19.6', actual: '19.7', at: { line: 1212 } });
  });

  it('count: 98組合 against the cooperatives listed under 【県名】', async () => {
    const errors = await errorsAfter('98組合（36道府県101市町村）', '99組合（36道府県101市町村）');
    expect(errors.find((e) => e.checkId === 'tokutei-cooperatives-count')).toMatchObject({ ruleId: 'count', expected: '98', actual: '99', at: { line: 1649 } });
  });

  it('equal: 都道府県ネットワーク 35団体 twice', async () => {
    const errors = await errorsAfter('ネットワークを設立済みの都道府県は35団体', 'ネットワークを設立済みの都道府県は36団体');
    expect(errors.find((e) => e.checkId === 'kyoryokutai-network-count')).toMatchObject({ expected: '35', actual: '36', at: { line: 244 } });
  });

  it('at-most, ordered, span and nth-since', async () => {
    expect((await errorsAfter('88市町村において91名', '88市町村において191名')).map((e) => e.checkId)).toContain('project-manager-per-municipality');
    expect((await errorsAfter('岐阜県 8 1 7…', '岐阜県 13 1 12…')).map((e) => e.checkId)).toEqual(expect.arrayContaining(['asbestos-unfinished-ranking']));
    expect((await errorsAfter('事業期間 ３年間', '事業期間 ４年間')).map((e) => e.checkId)).toContain('pfs-period');
    expect((await errorsAfter('令和6年度で42回目', '令和6年度で41回目')).map((e) => e.checkId)).toContain('furusato-award-edition');
  });

  it('same-term and acknowledgements: a changed acknowledged figure is an error again', async () => {
    const errors = await errorsAfter('物価高騰対応1.8', '物価高騰対応2.8');
    const total = errors.find((e) => e.checkId === 'rinji-total')!;
    expect(total.note).toMatch(/^acknowledged for expected 17兆円 \/ actual 18.3兆円, but the figures changed/);
  });

  it('generic: funding shares sum to 1, caps equal their components, impossible dates', async () => {
    expect((await errorsAfter('¼ 実質的な地方負担', '½ 実質的な地方負担')).map((e) => e.ruleId)).toContain('share-sum');
    const caps = await errorsAfter('その他活動経費：200万円', 'その他活動経費：210万円');
    expect(caps.map((e) => e.ruleId)).toEqual(expect.arrayContaining(['cap-components', 'sum']));
    const dates = await errorsAfter('R5.1.6、R6.1.5付け', 'R5.1.6、R60.1.5付け');
    expect(dates.find((e) => e.ruleId === 'date-plausible')).toMatchObject({ actual: 'R60.1.5', at: { line: 3625 } });
  });
});

/**
 * The check holds on R6 as printed, with this detail; after the edit it fails: its finding.
 */
async function holdsThenFails(id: string, detail: string, find: string, replace: string) {
  const report = await validateText();
  expect(report.checks.find((c) => c.id === id)).toMatchObject({ status: 'pass', detail });
  const finding = (await errorsAfter(find, replace)).find((e) => e.checkId === id);
  expect(finding, `${id} after the edit`).toBeDefined();
  return finding!;
}

describe('relations people needed, on real figures', () => {
  it('multiplier by figures: 融資限度額 96 = 80 × 融資比率 60% ÷ 50%, and 97 fails at its cell', async () => {
    expect(await holdsThenFails('furusato-loan-limit-prefectures-ratio', '80 × 60% ÷ 50% = 96 → round to 0 digit(s): 96; printed 96', '融資限度額 80※1 96※1', '融資限度額 80※1 97※1')).toMatchObject({ expected: '96', actual: '97', at: { line: 1246 } });
  });

  it('span in elapsed time: 令和6年3月31日 → 令和9年3月31日 is 3年間延長 (counted as fiscal years it would be 4)', async () => {
    expect(await holdsThenFails('kaso-depreciation-extension', '令和9年3月31日 − 令和6年3月31日 in whole years = 3; printed 3', '→ 令和９年３月３１日） 。', '→ 令和１０年３月３１日） 。')).toMatchObject({ expected: '4', actual: '3', at: { line: 2012 } });
    const inclusive = await validateText(R6_TEXT, R6_CHECKS.replace('    counting: elapsed\n', ''));
    expect(inclusive.checks.find((c) => c.id === 'kaso-depreciation-extension')).toMatchObject({ status: 'fail', detail: '2027 − 2024 + 1 = 4; printed 3' });
  });

  it('sum bounded by a total: the 臨時交付金 parts (17兆円) stay within 約18.3兆円, and 19兆円 of parts do not', async () => {
    expect(await holdsThenFails('rinji-parts-within-total', '5.4兆円 + 1.8兆円 + 0.6兆円 + 8.6兆円 + 0.6兆円 = 17兆円 ≤ 18.3兆円', '時短要請協力枠 約8.6兆円', '時短要請協力枠 約10.6兆円')).toMatchObject({ expected: '≤ 18.3兆円', actual: '19兆円', at: { line: 3257 } });
  });

  it('row-sum: in every row of the asbestos table 施設数 = うち都道府県 + うち市町村 (－ as 0); a wrong row fails at its line', async () => {
    const row = await holdsThenFails('asbestos-rows-add-up', '10 rows: column 1 = column 2 + column 3 in each', '千葉県 19 2 17', '千葉県 19 2 18');
    expect(row).toMatchObject({ at: { line: 3639 }, actual: '千葉県: 2 + 18 = 20; printed 19' });
    expect(row.message).toContain('1 of 10 rows do not hold');
  });

  it('span with an era carried over: 平成26年度から28年度までの3年間 (28年度 is 平成28年度), and 29年度 fails', async () => {
    expect(await holdsThenFails('ppp-management-plan-period', '2016 − 2014 + 1 = 3; printed 3', '平成26年度から28年度までの', '平成26年度から29年度までの')).toMatchObject({ expected: '4', actual: '3', at: { line: 2696 } });
  });

  it('row-sum over every copy of an embedded sheet: 効果の公表率 ≤ 実施状況 in each year row; a copy whose 実施状況 falls below fails at its line', async () => {
    const report = await validateText();
    expect(report.checks.find((c) => c.id === 'rinji-effect-within-implementation')).toMatchObject({ status: 'pass', detail: '10 rows: column 2 ≤ column 1 in each' });
    const text = R6_TEXT.split('\n');
    // the R3 row of the copy whose line is printed once (the others repeat ※2)
    const r3 = text.findIndex((l) => /^\s*R３\s+100%\s+86%\s*$/.test(l));
    expect(r3).toBeGreaterThan(0);
    const around = (line: string) => [text[r3 - 1], line, text[r3 + 1]].join('\n');
    const errors = await errorsAfter(around(text[r3]!), around(text[r3]!.replace('100%', '80%')));
    expect(errors.find((e) => e.checkId === 'rinji-effect-within-implementation')).toMatchObject({ at: { line: r3 + 1 }, actual: expect.stringMatching(/R3: 86% > 80%$/) });
  });

  it('nth-since counts to the year printed with the count (令和6年度で42回目), not to the edition\'s fiscal year', async () => {
    const manifest = { ...(await r6Manifest()), edition: 'r7', fiscalYear: 2025 };
    const { briefing } = await parseText(R6_TEXT, R6_TEXT_PATH, manifest);
    const report = validateParsed(briefing, { text: R6_TEXT }, parseChecks(R6_CHECKS, R6_CHECKS_PATH));
    expect(report.checks.find((c) => c.id === 'furusato-award-edition')).toMatchObject({ status: 'pass', detail: '2024 (令和6年度) − 1983 + 1 = 42; printed 42' });
    const errors = await errorsAfter('●令和6年度で42回目。', '●令和7年度で42回目。');
    expect(errors.find((e) => e.checkId === 'furusato-award-edition')).toMatchObject({ expected: '43', actual: '42', at: { line: 845 } });
  });
});
