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

/** The failures of one rule (errors and warnings), with no declared checks. */
async function failuresOf(rule: string, text: string): Promise<Finding[]> {
  return (await findingsOf(rule, text)).filter((f) => f.severity !== 'info');
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

  it('stated-total: 「…個人表彰４事例の計27事例」 with one of its items changed, at the total', async () => {
    expect(await failuresOf('stated-total', R6_TEXT)).toEqual([]);
    const text = replaceOnce(R6_TEXT, '彰15事例、地方自治体表彰３事例', '彰16事例、地方自治体表彰３事例');
    const [finding, ...rest] = await failuresOf('stated-total', text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ expected: '28事例', actual: '27事例', at: { line: lineOf(text, '計27事例') } });
    expect(finding!.message).toContain('1事例 + 3事例 + 1事例 + 16事例 + 3事例 + 4事例 = 28事例; printed 計27事例');
  });

  it('table-total: a 計 row that is not the sum of the rows above it, at its cell', async () => {
    // a table of the 協力隊 slide with a total row
    const table = ['', '受入団体数', '北部 12 15', '中部 30 31', '南部 8 9', '計 50 56', ''].join('\n');
    const text = replaceOnce(R6_TEXT, 'R６当初予算額：248百万円', `R６当初予算額：248百万円${table}`);
    const [finding, ...rest] = await failuresOf('table-total', text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ expected: '55', actual: '56', at: { line: lineOf(text, '計 50 56') } });
    expect(finding!.message).toContain('15 + 31 + 9 = 55; printed 56');
    expect(await failuresOf('table-total', replaceOnce(text, '計 50 56', '計 50 55'))).toEqual([]);
  });

  it('partition-columns: うち都道府県 + うち市町村 = 施設数 in each row of the asbestos tables', async () => {
    expect(await failuresOf('partition-columns', R6_TEXT)).toEqual([]);
    const text = replaceOnce(R6_TEXT, '広島県 369 2 367', '広島県 369 2 366');
    const [finding, ...rest] = await failuresOf('partition-columns', text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ expected: '368', actual: '369', at: { line: lineOf(text, '広島県 369 2 366') } });
  });

  it('stated-span: 「３年間延長（令和６年３月３１日 → 令和９年３月３１日）」 in whole years; 「平成27年度から平成29年度までの3年間」 counting both ends', async () => {
    expect(await failuresOf('stated-span', R6_TEXT)).toEqual([]);
    const days = replaceOnce(R6_TEXT, '→ 令和９年３月３１日） 。', '→ 令和１０年３月３１日） 。');
    expect(await failuresOf('stated-span', days)).toMatchObject([{ expected: '4年間', actual: '3年間', at: { line: lineOf(days, '令和１０年３月３１日） 。') } }]);
    const years = replaceOnce(R6_TEXT, '平成27年度から平成29年度までの3年間', '平成27年度から平成30年度までの3年間');
    expect(await failuresOf('stated-span', years)).toMatchObject([{ expected: '4年間', actual: '3年間', at: { line: lineOf(years, '平成30年度までの3年間') } }]);
  });

  it('listed-count: 「１都１道２府２7県」 against the prefectures named after it, 「98組合（36道府県101市町村）」 against the list', async () => {
    expect(await failuresOf('listed-count', R6_TEXT)).toEqual([]);
    const text = replaceOnce(replaceOnce(R6_TEXT, '１都１道２府２7県で計41法人が', '１都１道２府２6県で計41法人が'), '98組合（36道府県101市町村）', '98組合（36道府県102市町村）');
    const found = await failuresOf('listed-count', text);
    expect(found.map((f) => [f.at?.line, f.expected, f.actual])).toEqual([
      [lineOf(text, '98組合（36道府県102市町村）'), '101', '102市町村'],
      [lineOf(text, '２6県で計41法人'), '27', '26県'],
    ]);
  });

  it('repeated-figure: the ALT count of the two JET slides, one of them changed', async () => {
    expect(await failuresOf('repeated-figure', R6_TEXT)).toEqual([]);
    const text = replaceOnce(R6_TEXT, '外国語指導助手）：5,355人', '外国語指導助手）：5,356人');
    const [finding, ...rest] = await failuresOf('repeated-figure', text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ expected: '5,355人', actual: '5,356人', at: { line: lineOf(text, '外国語指導助手）：5,356人') } });
    expect(finding!.message).toContain('「ALT」の人が2か所で同じ: 5,355人 (line 3022) ≠ 5,356人 (line 3067)');
  });

  it('of-which: the parts named after 「うち」 (one of them wrapped onto the next line) stay within 総額 約18.3兆円', async () => {
    expect(await failuresOf('of-which', R6_TEXT)).toEqual([]);
    const text = replaceOnce(R6_TEXT, '時短要請協力枠 約8.6兆円', '時短要請協力枠 約10.6兆円');
    const [finding, ...rest] = await failuresOf('of-which', text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ expected: '≤ 18.3兆円', actual: '19兆円', at: { line: lineOf(text, '総額 約18.3兆円') } });
    expect(finding!.message).toContain('5.4兆円 + 1.8兆円 + 0.6兆円 + 10.6兆円 + 0.6兆円 = 19兆円 > 18.3兆円');
  });

  it('percent-of-parts: 「1,788団体中1,647団体（92%）」 and 「47／50（94%）」, with the rounding the document uses', async () => {
    const lines = ['効果を公表した団体は1,788団体中1,647団体（92%）。', '回答は47／50（94%）。', '実施は1,788団体のうち962団体（53%）。'];
    const text = replaceOnce(R6_TEXT, 'R６当初予算額：248百万円', `R６当初予算額：248百万円\n${lines.join('\n')}`);
    const found = await failuresOf('percent-of-parts', text);
    // 962 ÷ 1,788 = 53.80…%: printed 53%, the value cut to whole percent (the rounding this document uses is either)
    expect(found).toEqual([]);
    const wrong = replaceOnce(text, '1,788団体中1,647団体（92%）', '1,788団体中1,647団体（93%）');
    const [finding, ...rest] = await failuresOf('percent-of-parts', wrong);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ expected: '92%', actual: '93%', at: { line: lineOf(wrong, '1,647団体（93%）') } });
  });

  it('the rules that read running text stay quiet on correct text that looks alike', async () => {
    const rules = ['stated-total', 'table-total', 'partition-columns', 'stated-span', 'listed-count', 'repeated-figure', 'of-which', 'percent-of-parts'];
    const planted = [
      // a period of whole fiscal years, written from its first to its last day
      '期限を３年間延長（令和６年４月１日～令和９年３月３１日）',
      // 推計 is no 計; a heading with a count above a list; a 「うち」 part of an item
      '令和4年度 30事例、令和5年度 35事例、令和6年度推計40事例',
      '【表彰】 応募98事例\n●最優秀賞１事例、優秀賞３事例（うち団体２事例）、奨励賞１事例の計５事例',
      // parts after うち that stop at the next bullet; a part with parts of its own
      '●応募 120事例 うち自治体 40事例\n●表彰式参加者 90事例',
      '（総額 約18.3兆円。うち、A 約12.0兆円（うち B 1.8兆円、C 0.6兆円）、D 約5.0兆円）',
      // a table with a うち row, an average column and a 全国 row under some prefectures
      '区分 団体数 1団体当たり\n市 500 6.0\nうち政令市 10 8.0\n町村 700 5.7\n計 1,200 5.8',
      '北海道 150 12\n長野県 77 10\n全国 1,718 241',
      // the same words around different figures on two slides
      '延べ120団体が参加',
    ];
    const second = '受入れ自治体数 40団体（副業型、令和5年度）\nモデル事業には15団体が参加';
    for (const lines of planted) {
      let text = replaceOnce(R6_TEXT, 'R６当初予算額：248百万円', `R６当初予算額：248百万円\n\n${lines}\n`);
      text = replaceOnce(text, '・地域おこし協力隊員の日々のサポートに要する経費：200万円／団体を上限', `・地域おこし協力隊員の日々のサポートに要する経費：200万円／団体を上限\n受入れ自治体数 850団体（企業派遣型）`);
      text = replaceOnce(text, '隊員として活動', `隊員として活動\n${second}`);
      for (const rule of rules) expect(await failuresOf(rule, text), `${rule} on ${lines}`).toEqual([]);
    }
    // and they did read them: the lists and the table above hold
    const text = replaceOnce(R6_TEXT, 'R６当初予算額：248百万円', `R６当初予算額：248百万円\n\n${planted[2]}\n\n${planted[5]}\n\n${planted[4]}\n`);
    const { briefing } = await parseText(text);
    const checks = validateParsed(briefing, { text }, null).checks;
    expect(checks.find((c) => c.relation === 'stated-total' && c.detail.startsWith('1事例 + 3事例 + 1事例 = 5事例'))?.status).toBe('pass');
    expect(checks.find((c) => c.relation === 'table-total' && c.detail.startsWith('500 + 700 = 1,200'))?.status).toBe('pass');
    expect(checks.find((c) => c.relation === 'of-which' && c.detail.startsWith('12.0兆円 + 5.0兆円 = 17兆円'))?.status).toBe('pass');
  });
});
