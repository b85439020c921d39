import { describe, expect, it } from 'vitest';
import type { Finding } from '../../schemas/validation.ts';
import { validateParsed } from '../../pipeline/commands/validate.ts';
import { R6_TEXT, R6_TEXT_PATH, parseR6, parseText, r6Manifest } from '../helpers/r6.ts';
import { everyError, replaceOnce } from '../helpers/validate.ts';

// Each generic rule, shown firing on the R6 briefing with one plausible slip planted, at the line
// of the slip; on the briefing as printed none of them fires (test/validate/r6.test.ts).

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** The findings of one rule, with no declared checks: what the rule catches alone. */
async function findingsOf(rule: string, text: string): Promise<Finding[]> {
  const { briefing } = text === R6_TEXT ? await parseR6() : await parseText(text);
  // each as the rule reports it, also where the same figure broke another rule first
  const report = validateParsed(briefing, { text }, null);
  return [...report.findings.filter((f) => f.severity !== 'error'), ...everyError(report)].filter((f) => f.ruleId === rule) as Finding[];
}

describe('generic rules fire on planted slips', () => {
  it('none of them fires on the briefing as printed', async () => {
    for (const rule of ['magnitudes', 'phone-format', 'contact-numbering', 'program-slides']) expect(await findingsOf(rule, R6_TEXT)).toEqual([]);
  });

  it('magnitudes: a share above 100 %, a 措置率 above 1, a budget of nothing', async () => {
    const text = replaceOnce(replaceOnce(replaceOnce(R6_TEXT, 'およそ65%', 'およそ165%'), '空き家の改修に要する経費：措置率0.5', '空き家の改修に要する経費：措置率1.5'), 'R6当初予算額：0.9億円', 'R6当初予算額：0億円');
    const found = await findingsOf('magnitudes', text);
    expect(found.map((f) => [f.at?.line, f.actual, f.severity])).toEqual(
      expect.arrayContaining([
        [lineOf(text, '空き家の改修に要する経費：措置率1.5'), '1.5', 'error'],
        [lineOf(text, 'およそ165%'), '165%', 'error'],
        [lineOf(text, 'R6当初予算額：0億円'), '0億円', 'error'],
      ]),
    );
    expect(found).toHaveLength(3);
  });

  it('phone-format: a number that lost a digit in the contact list', async () => {
    const text = replaceOnce(R6_TEXT, '谷垣 03-5253-5534', '谷垣 03-5253-553');
    const [finding, ...rest] = await findingsOf('phone-format', text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'error', actual: '03-5253-553', expected: '10 digits (0X-XXXX-XXXX)', programs: ['16'], at: { line: lineOf(text, '谷垣 03-5253-553') } });
  });

  it('contact-numbering: a row numbered twice, then the next one out of step', async () => {
    const text = replaceOnce(R6_TEXT, '17. ＰＰＰ／ＰＦＩの導入促進', '18. ＰＰＰ／ＰＦＩの導入促進');
    const found = await findingsOf('contact-numbering', text);
    expect(found.map((f) => [f.at?.line, f.expected, f.actual])).toEqual([
      [lineOf(text, '18. ＰＰＰ／ＰＦＩの導入促進'), '17', '18'],
      [lineOf(text, '18. 地域における多文化共生施策の推進'), '19', '18'],
    ]);
  });

  it('program-slides: a contact-list program that no slide belongs to', async () => {
    // a row added to the contact list for a program the deck has no slide on
    const text = replaceOnce(R6_TEXT, '17. ＰＰＰ／ＰＦＩの導入促進 地域振興室 松木 03-5253-5533', '17. ＰＰＰ／ＰＦＩの導入促進 地域振興室 松木 03-5253-5533\n\n17-②．海洋ごみ対策の推進 地域振興室 松木 03-5253-5533');
    const found = await findingsOf('program-slides', text);
    expect(found.map((f) => [f.at?.line, f.message])).toEqual([[lineOf(text, '海洋ごみ対策の推進'), expect.stringContaining('海洋ごみ対策の推進にスライドがある')]]);
  });

  it('budget-year: an edition whose 当初/計画 labels still name last year gets one warning listing them', async () => {
    expect(await findingsOf('budget-year', R6_TEXT)).toEqual([]);
    // the R6 text under a FY2025 manifest, as `init r7 --from r6` leaves it before the text is replaced
    const manifest = { ...(await r6Manifest()), edition: 'r7', fiscalYear: 2025 };
    const { briefing } = await parseText(R6_TEXT, R6_TEXT_PATH, manifest);
    const [finding, ...rest] = validateParsed(briefing, { text: R6_TEXT }, null).findings.filter((f) => f.ruleId === 'budget-year');
    expect(rest).toEqual([]);
    const first = briefing.budgets.find((b) => /当初|計画/.test(b.label))!;
    expect(first.label).toBe('R6当初予算額');
    expect(finding).toMatchObject({ severity: 'warning', expected: 'FY2025', at: { line: first.at.line } });
    expect(finding!.message).toContain('15 of 15 当初/計画 labels name another year than this FY2025 edition');
    // a FY2025 text that updated all but one label: that one is named
    // letter-spaced labels too (「R 6 当 初 予 算 額」)
    const r7 = R6_TEXT.replace(/R[6６]当初/g, 'R7当初').replace(/R 6 当 初/g, 'R 7 当 初').replace(/令和[6６]年度(計画額|当初予算額)/g, '令和7年度$1');
    const left = replaceOnce(r7, 'R7当初予算額：0.9億円', 'R6当初予算額：0.9億円');
    const updated = (await parseText(left, R6_TEXT_PATH, manifest)).briefing;
    const [one] = validateParsed(updated, { text: left }, null).findings.filter((f) => f.ruleId === 'budget-year');
    expect(one).toMatchObject({ severity: 'warning', actual: 'R6', at: { line: lineOf(left, 'R6当初予算額：0.9億円') } });
    expect(one!.message).toMatch(/: 1 of 15 当初\/計画 labels name another year/);
  });
});
