import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { EditionDiff, type FigureChange } from '../../schemas/diff.ts';
import { runCli } from '../helpers/cli.ts';
import { CSV_AS_SHOWN, convertWithLibreOffice } from '../helpers/libreoffice.ts';
import { R6_CHECKS } from '../helpers/validate.ts';
import { R7_CHANGES, R7_INCONSISTENT, R7_SENTENCES, realisticR7, replaceExactly } from '../helpers/r7-realistic.ts';
import { tempDir } from '../helpers/temp.ts';

/**
 * The yearly workflow on a realistic next edition (test/helpers/r7-realistic.ts): era labels moved,
 * figures changed consistently, a program removed and the list renumbered after it, a program
 * added. init → validate (exit 0, no hand edit) → diff (every change, renumbering as such) → build.
 */
describe('next edition: init → validate → diff → build on a realistic R7', () => {
  let dir: string;
  let r7: string;
  beforeAll(async () => {
    dir = tempDir('next');
    r7 = await realisticR7();
    writeFileSync(join(dir, 'r7.txt'), r7);
    const init = runCli(['init', 'r7', '--from', 'r6', '--source', 'r7.txt'], dir);
    expect(init.status, init.stderr).toBe(0);
  });
  const read = (name: string) => readFileSync(join(dir, 'sources', 'r7', name), 'utf8');

  it('init keeps the programs under their ids, drops the removed one, proposes an id for the new one', () => {
    const manifest = parse(read('manifest.yaml'));
    const ids = manifest.programs.map((p: { id: string }) => p.id);
    expect(ids).toHaveLength(31);
    expect(ids).not.toContain('iryo-container');
    expect(ids.slice(-3)).toEqual(['pfs', 'workers-coop', 'new-21-11']);
    expect(manifest.programs.at(-1)).toEqual({ id: 'new-21-11', name: '地域の担い手確保支援事業' });
    expect(manifest.programs.find((p: { id: string }) => p.id === 'local-startup').aliases.phrases).toContain('ふるさと融資');
    const review = read('checks-review.md');
    expect(review).toContain('- `pfs`: 21-⑩ → 21-⑨');
    expect(review).toContain('- `workers-coop`: 21-⑪ → 21-⑩');
    expect(review).toContain('- `iryo-container`: 医療コンテナの活用');
    expect(review).toContain('- 21-⑪ 地域の担い手確保支援事業: proposed id `new-21-11`, no slug');
    expect(review).toMatch(/, 0 not found in the new briefing\./);
  });

  it('init moves the words and labels of the copied checks to the new year, and only those lines', () => {
    const checks = read('checks.yaml');
    expect(checks).toContain('{ budget: { program: kaso, label: R7当初予算額 } }');
    expect(checks).not.toContain('before: 令和8年度に');
    const before = R6_CHECKS.split('\n');
    const changed = checks.split('\n').filter((line, i) => line !== before[i]);
    const review = read('checks-review.md');
    expect(changed).toHaveLength(review.split('\n').filter((l) => l.startsWith('- `') && l.includes('` → `')).length);
    expect(parse(checks).checks).toHaveLength(parse(R6_CHECKS).checks.length);
  });

  it('validate passes without a manual edit: the year-relative checks count from the years the text prints', () => {
    const run = runCli(['validate', join('sources', 'r7'), '--format', 'json'], dir);
    expect(run.status, run.stdout.slice(0, 2000)).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.checksPassed).toBeGreaterThanOrEqual(140);
    // nth-since: 「令和7年度で43回目」 and 「令和7年で設立39年」 hold under the new year
    for (const id of ['furusato-award-edition', 'furusato-event-award-edition', 'jet-years']) expect(report.checks.find((c: { id: string }) => c.id === id)?.status, id).toBe('pass');
    // statements print this edition's figures, never last year's
    const statement = (id: string) => report.checks.find((c: { id: string }) => c.id === id).statement;
    expect(statement('kyoryokutai-activity-cap')).toBe('活動経費の上限 540万円／人 = 報償費等 340万円 + その他活動経費 200万円');
    expect(statement('jet-by-role')).toBe('JET参加者 総数5,876人 = ALT 5,400人 + CIR 468人 + SEA 8人');
    expect(statement('furusato-award-edition')).toBe('昭和58年度から実施のふるさとづくり大賞は、その年度で43回目');
  });

  it('diff finds every changed figure of every kind, and reports renumbering as renumbering', () => {
    const run = runCli(['diff', 'r6', join('sources', 'r7'), '--format', 'json'], dir);
    expect(run.status, run.stderr).toBe(0);
    const d = EditionDiff.parse(JSON.parse(run.stdout));
    expect(d.programs.removed.map((p) => p.id)).toEqual(['iryo-container']);
    expect(d.programs.added.map((p) => `${p.no} ${p.name}`)).toEqual(['21-⑪ 地域の担い手確保支援事業']);
    expect(d.programs.renumbered.map((r) => `${r.after.id} ${r.before.no}→${r.after.no}`)).toEqual(['pfs 21-⑩→21-⑨', 'workers-coop 21-⑪→21-⑩']);
    const find = (xs: FigureChange[], program: string, from: string | null, to: string) =>
      xs.find((c) => c.programId === program && (c.before?.printed.endsWith(from ?? '') ?? from === null) && c.after?.printed.endsWith(to) && c.before?.at?.line !== undefined === (from !== null));
    const c = R7_CHANGES;
    expect(find(d.budgets, c.budget.program, c.budget.from, c.budget.to)).toBeDefined();
    expect(find(d.caps, c.cap.program, c.cap.from, c.cap.to)).toBeDefined();
    expect(find(d.caps, c.capComponent.program, c.capComponent.from, c.capComponent.to)).toBeDefined();
    expect(find(d.caps, c.previousCap.program, c.previousCap.from, c.previousCap.to)).toBeDefined();
    expect(d.series.find((s) => s.programId === 'kyoryokutai' && s.subject === '隊員数 令和6年度')).toMatchObject({ kind: 'added', after: { printed: c.seriesPoint.to } });
    expect(find(d.breakdowns, c.breakdownItem.program, c.breakdownItem.from + '人', c.breakdownItem.to + '人')).toBeDefined();
    expect(find(d.breakdowns, c.breakdownTotal.program, c.breakdownTotal.from + '人', c.breakdownTotal.to + '人')).toBeDefined();
    expect(d.quantities.filter((q) => q.programId === 'jet' && q.before?.printed === c.quantity.from && q.after?.printed === c.quantity.to)).toHaveLength(2);
    expect(find(d.quantities, c.nth.program, c.nth.from, c.nth.to)).toBeDefined();
    expect(find(d.rates, c.rate.program, '70%', '75%')).toBeDefined();
    expect(find(d.dates, c.date.program, '令和6年', '令和7年')).toBeDefined();
    expect(d.contacts.find((x) => x.programId === 'pfs')).toMatchObject({ kind: 'changed', before: { printed: c.phone.from }, after: { printed: c.phone.to } });
    // the new program's own figures, its budget and its cap, are listed as added
    const added = [...d.budgets, ...d.caps].filter((x) => x.programNo === '21-⑪');
    expect(added.map((x) => [x.kind, x.after?.printed])).toEqual([
      ['added', 'R7当初予算額 12百万円'],
      ['added', '300万円'],
    ]);
    // every change has both places (a change) or the one it has
    for (const x of Object.values(d).flatMap((v) => (Array.isArray(v) ? v : []))) {
      if ('kind' in x && x.kind === 'changed') expect(x.before?.at && x.after?.at).toBeTruthy();
    }
    // nothing but what R7 changed: the renumbered programs' figures are not removed and added again
    expect([...d.budgets, ...d.caps, ...d.rates, ...d.breakdowns, ...d.tables, ...d.sheets].filter((x) => x.kind === 'removed')).toEqual([]);
  });

  it('build writes the R7 outputs, the new program under program-NN until it has a slug', () => {
    const run = runCli(['build', join('sources', 'r7'), '--no-packs'], dir);
    expect(run.status, run.stderr).toBe(0);
    const out = join(dir, 'out', 'r7');
    for (const f of ['briefing.json', 'validation.json', 'contacts.xlsx']) expect(existsSync(join(out, f)), f).toBe(true);
    const briefing = JSON.parse(readFileSync(join(out, 'briefing.json'), 'utf8'));
    expect(briefing.programs.find((p: { id: string }) => p.id === 'pfs')).toMatchObject({ no: '21-⑨', slug: 'pfs' });
    expect(existsSync(join(out, 'programs', '21-09-pfs.md'))).toBe(true);
    expect(existsSync(join(out, 'programs', 'program-21-11.md'))).toBe(true);
  });

  it('each program document opens with its changes since R6: both years, both slides', () => {
    const doc = (name: string) => readFileSync(join(dir, 'out', 'r7', 'programs', name), 'utf8');
    const section = (md: string) => md.slice(md.indexOf('## 前年度からの主な変更点'), md.indexOf('## スライド'));
    const kyoryokutai = section(doc('01-chiiki-okoshi-kyoryokutai.md'));
    expect(kyoryokutai).toContain('令和6年度の資料と比べて変わった箇所です');
    expect(kyoryokutai).toMatch(/\| 拡充（上限額・措置額）\s*\| 地域おこし協力隊員の活動に要する経費／人\s*\| 520万円（スライド1）\s*\| 540万円（スライド1）/);
    expect(kyoryokutai).toMatch(/\| 増額（予算額）\s*\| 当初予算額\s*\| R6当初予算額 248百万円（スライド3）\s*\| R7当初予算額 275百万円（スライド3）/);
    expect(kyoryokutai).toMatch(/\| 追加（時系列）\s*\| 隊員数 令和6年度\s*\| —\s*\| 7,910人（スライド1）/);
    expect(section(doc('21-01-gyosei-sodan.md'))).toContain(`| 追加（スライドの記載）`);
    expect(section(doc('21-01-gyosei-sodan.md'))).toContain(R7_SENTENCES.added.text);
    expect(section(doc('21-09-pfs.md'))).toMatch(/変更（担当・連絡先）.*\| 03-5253-5523\s*\| 03-5253-5525/);
    expect(section(doc('16-shoyusha-fumei-tochi.md'))).toContain('令和6年度の資料と比べて、この施策の記載に変更はありません。');
    // in the slides, each changed figure is marked and links to the section
    const slides = doc('01-chiiki-okoshi-kyoryokutai.md').slice(doc('01-chiiki-okoshi-kyoryokutai.md').indexOf('## スライド1'));
    expect(slides).toContain('540万円／人[〔拡充〕](#前年度からの主な変更点)を上限');
    expect(slides).toMatch(/7,910人\[〔追加〕\]\(#前年度からの主な変更点\)/);
    expect(doc('21-01-gyosei-sodan.md')).toContain(`${R7_SENTENCES.added.text}[〔追加〕](#前年度からの主な変更点)`);
  });

  it('the workbook lists what changed since R6 (the manifest names it as previous), one row a change, filterable', async () => {
    expect(parse(read('manifest.yaml')).previous).toBe('r6');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out', 'r7', 'contacts.xlsx'));
    const sheet = wb.getWorksheet('変更点')!;
    expect(sheet).toBeDefined();
    const rows = sheet.getSheetValues().slice(2).map((r) => Array.from({ length: 9 }, (_, k) => (r as unknown[])[k + 1] ?? null));
    // No. 施策名 区分 変更 項目 前年度 前年度スライド 今年度 今年度スライド
    const row = (kind: string, change: string, before: string | null, after: string | null) => rows.find((r) => r[2] === kind && r[3] === change && r[5] === before && r[7] === after);
    // a new program at its own slide (not at its row of the contact list); a removed one under last year's number
    expect(row('施策', '新設', null, '21-⑪（新設）')![8]).toBe(66);
    expect(row('施策', '掲載終了', '21-⑨', '掲載なし')![0]).toBe('前年度 21-⑨');
    expect(row('施策', '番号変更', '21-⑩', '21-⑨')).toBeDefined();
    expect(row('予算額', '増額', 'R6当初予算額 248百万円', 'R7当初予算額 275百万円')).toBeDefined();
    expect(row('上限額・措置額', '拡充', '520万円', '540万円')).toBeDefined();
    expect(row('時系列', '追加', null, '7,910人')).toBeDefined();
    expect(row('内訳', '変更', '5,831人', '5,876人')).toBeDefined();
    expect(row('本文の数値', '変更', '42回', '43回')).toBeDefined();
    expect(row('措置率・充当率・補助率', '拡充', '70%', '75%')).toBeDefined();
    // a year that moved with the edition (令和６年で設立38年 → 令和７年で設立39年) is the same point in time: its number is listed, not its year
    expect(row('日付・年度', '変更', '令和6年', '令和7年')).toBeUndefined();
    expect(row('本文の数値', '変更', '38年', '39年')).toBeDefined();
    expect(row('担当・連絡先', '変更', '03-5253-5523', '03-5253-5525')).toBeDefined();
    expect(row('スライドの記載', '追加', null, `【取組例】：${R7_SENTENCES.added.text}`)).toBeDefined();
    expect(row('スライドの記載', '削除', R7_SENTENCES.removed.text, null)).toBeDefined();
    expect(row('スライドの記載', '変更', R7_SENTENCES.reworded.from, R7_SENTENCES.reworded.to)).toBeDefined();
    // for prefectures: the slide of each year's figure, never a line number
    expect(row('予算額', '増額', 'R6当初予算額 248百万円', 'R7当初予算額 275百万円')!.slice(6, 9)).toEqual([3, 'R7当初予算額 275百万円', 3]);
    // a year label of a table's header (「3年度」) is no number of the text
    expect(rows.filter((r) => r[0] === '1' && r[2] === '本文の数値' && /^\d+年$/.test(String(r[7] ?? r[5])))).toEqual([]);
    expect(sheet.autoFilter).toBeTruthy();
    // the cover tells how to read it
    const cover = wb.getWorksheet('表紙・注記')!.getSheetValues().map((r) => (r as unknown[])?.[1]);
    expect(cover).toContain('「変更点」シート');
    // and as LibreOffice shows it to a prefecture
    const csv = await convertWithLibreOffice(readFileSync(join(dir, 'out', 'r7', 'contacts.xlsx')), 'contacts.xlsx', CSV_AS_SHOWN);
    const shown = new TextDecoder().decode([...csv].find(([name]) => name.endsWith('-変更点.csv'))![1]);
    expect(shown).toContain('1,地域おこし協力隊,上限額・措置額,拡充,地域おこし協力隊員の活動に要する経費／人,520万円,1,540万円,1');
    expect(shown).toContain(`21-①,行政相談活動と困りごと解決への連携のお願い,スライドの記載,追加`);
  });

  it('a previous edition that cannot be read leaves the 変更点 sheet out with a warning, and the build goes on', async () => {
    const dir2 = tempDir('next');
    writeFileSync(join(dir2, 'r7.txt'), r7);
    expect(runCli(['init', 'r7', '--from', 'r6', '--source', 'r7.txt'], dir2).status).toBe(0);
    const manifestPath = join(dir2, 'sources', 'r7', 'manifest.yaml');
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace('previous: r6', 'previous: r5'));
    const run = runCli(['build', join('sources', 'r7'), '--no-packs'], dir2);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('the previous edition "r5" that manifest.yaml names cannot be read (no sources/r5/manifest.yaml): the outputs list no changes (no 変更点 sheet, no 前年度からの主な変更点)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir2, 'out', 'r7', 'contacts.xlsx'));
    expect(wb.getWorksheet('変更点')).toBeUndefined();
    // --since names the previous edition instead; an edition is never compared with itself
    const self = runCli(['build', join('sources', 'r7'), '--no-packs', '--since', 'r7'], dir2);
    expect(self.status).toBe(2);
    expect(self.stderr).toContain('--since r7 is this edition itself: nothing to compare');
    // asked for by name, an edition that cannot be read is refused: a typo never prints packs saying nothing changed
    const typo = runCli(['build', join('sources', 'r7'), '--no-packs', '--since', 'r5'], dir2);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('--since r5 cannot be read (no sources/r5/manifest.yaml)');
    expect(runCli(['build', join('sources', 'r7'), '--no-packs', '--since', 'r6'], dir2).status).toBe(0);
    const since = new ExcelJS.Workbook();
    await since.xlsx.readFile(join(dir2, 'out', 'r7', 'contacts.xlsx'));
    expect(since.getWorksheet('変更点')!.rowCount).toBeGreaterThan(20);
  });

  it('with a figure the new text lost, init lists it for review and validate refuses exactly those', () => {
    const dir2 = tempDir('next');
    writeFileSync(join(dir2, 'r7.txt'), replaceExactly(r7, '（１）コミュニケーション支援（17事例）', '（１）意思疎通の支援（17事例）'));
    const init = runCli(['init', 'r7', '--from', 'r6', '--source', 'r7.txt'], dir2);
    expect(init.status, init.stderr).toBe(0);
    const review = readFileSync(join(dir2, 'sources', 'r7', 'checks-review.md'), 'utf8');
    const missing = Number(/, (\d+) not found in the new briefing/.exec(review)![1]);
    expect(missing).toBeGreaterThan(0);
    expect(review).toContain('`tabunka-communication-cases`');
    const validate = runCli(['validate', join('sources', 'r7')], dir2);
    expect(validate.status).toBe(2);
    expect(validate.stderr.split('\n').filter((l) => l.includes('[checks-unknown-figure]'))).toHaveLength(missing);
  });
});

describe('next edition with one inconsistent edit per relation kind', () => {
  it('validate exits 1 with one error per edit, on the edited line, each listing every check its figure breaks', async () => {
    const dir = tempDir('next');
    let text = await realisticR7();
    for (const e of R7_INCONSISTENT) text = replaceExactly(text, e.find, e.replace);
    const edited = new Map(R7_INCONSISTENT.map((e) => [text.slice(0, text.indexOf(e.replace)).split('\n').length, e.relation]));
    writeFileSync(join(dir, 'r7.txt'), text);
    expect(runCli(['init', 'r7', '--from', 'r6', '--source', 'r7.txt'], dir).status).toBe(0);
    const run = runCli(['validate', join('sources', 'r7'), '--format', 'json'], dir);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    const errors = report.findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors.map((f: { at: { line: number } }) => edited.get(f.at.line) ?? `line ${f.at.line} (not edited)`).sort()).toEqual(R7_INCONSISTENT.map((e) => e.relation).sort());
    expect(report.summary.errors).toBe(R7_INCONSISTENT.length);
    // the JET total breaks three checks: one finding, at the total, that lists the other two
    const total = errors.find((f: { at: { line: number } }) => edited.get(f.at.line) === 'sum');
    expect([total.checkId, ...total.breaks.map((b: { checkId: string | null; ruleId: string }) => b.checkId ?? b.ruleId)].sort()).toEqual(['breakdown-total', 'jet-by-country', 'jet-by-role']);
    expect(total.checkId).not.toBeNull(); // a declared check leads: it says more than the generic rule
  });
});
