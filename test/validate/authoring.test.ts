import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../schemas/briefing.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { listFigures } from '../../pipeline/commands/figures.ts';
import { sourceLines } from '../../pipeline/validate/source-lines.ts';
import { InputError } from '../../pipeline/lib/errors.ts';
import { figureCatalog, type CatalogEntry } from '../../pipeline/validate/catalog.ts';
import { parseChecks } from '../../pipeline/validate/checks-file.ts';
import { selectFigures, selectorText, type SelectContext } from '../../pipeline/validate/select.ts';
import { runCli } from '../helpers/cli.ts';
import { parseR6, R6_TEXT } from '../helpers/r6.ts';
import { tempDir } from '../helpers/temp.ts';
import { R6_CHECKS, replaceOnce, validateText } from '../helpers/validate.ts';

let briefing: Briefing;
let ctx: SelectContext;
let catalog: CatalogEntry[];

beforeAll(async () => {
  briefing = (await parseR6()).briefing;
  ctx = { briefing, constants: {}, ...sourceLines({ text: R6_TEXT }) };
  catalog = figureCatalog(ctx);
});

/** The 1-based line of the text on which `words` stand. */
function lineOf(text: string, words: string): number {
  const at = text.indexOf(words);
  if (at < 0) throw new Error(`not in the text: ${words}`);
  return text.slice(0, at).split('\n').length;
}

/** The refusal of a hand-written checks file, before any briefing is read. */
function refusedFile(text: string): InputError {
  try {
    parseChecks(text, 'checks.yaml');
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected the checks file to be refused');
}

async function refusal(checks: string, text = R6_TEXT): Promise<InputError[]> {
  try {
    await validateText(text, checks);
  } catch (err) {
    if (err instanceof InputError) return err.all();
    throw err;
  }
  throw new Error('expected the checks file to be refused');
}

describe('the figure catalog (briefing figures)', () => {
  it('lists every budget, rate, series point and cap of the briefing, each with a selector the engine resolves to it alone', () => {
    const count = (kind: string) => catalog.filter((e) => e.kind === kind).length;
    expect(count('budget')).toBe(briefing.budgets.length);
    expect(count('rate')).toBe(briefing.rates.length);
    expect(count('series')).toBe(briefing.series.reduce((n, s) => n + s.points.length, 0));
    expect(count('cap')).toBe(briefing.measures.reduce((n, m) => n + (m.cap ? 1 + m.components.length + (m.previous ? 1 : 0) : 0), 0));
    for (const e of catalog) {
      const found = selectFigures(e.selector, ctx);
      expect(found, selectorText(e.selector)).toHaveLength(1);
      expect([found[0]!.at?.line, found[0]!.at?.column, found[0]!.value]).toEqual([e.at?.line, e.at?.column, e.value]);
    }
  });

  it('gives selectors without digits in their words, so that a new year does not break them', () => {
    const words = catalog.flatMap((e) => {
      const spec = Object.values(e.selector)[0] as Record<string, unknown>;
      return ['line', 'before', 'after', 'slide'].flatMap((k) => [spec[k]].flat().filter((w): w is string => typeof w === 'string'));
    });
    expect(words.length).toBeGreaterThan(500);
    expect(words.filter((w) => /[0-9０-９]/.test(w))).toEqual([]);
  });

  it('`briefing figures r6 --near 過疎対策事業債` prints selectors that, pasted into a checks file, match exactly the figures listed', () => {
    const terminal = runCli(['figures', 'r6', '--near', '過疎対策事業債']);
    expect(terminal.status).toBe(0);
    expect(terminal.stdout).toContain('budget  5,700億円  — 令和6年度計画額');
    expect(terminal.stdout).toContain('select:  { budget: { program: kaso, label: 令和6年度計画額 } }');
    const listed = JSON.parse(runCli(['figures', 'r6', '--near', '過疎対策事業債', '--format', 'json']).stdout) as { figures: CatalogEntry[] };
    expect(listed.figures.length).toBeGreaterThan(5);
    const dir = tempDir('figures');
    // pasted as a user would, as the printed text, at the head of the R6 checks (which acknowledge what R6 needs)
    const lines = listed.figures.flatMap((f, i) => [`  - id: pasted-${i}`, '    statement: pasted from briefing figures', '    relation: equal', '    values:', `      - ${selectorText(f.selector)}`, `      - ${selectorText(f.selector)}`]);
    writeFileSync(join(dir, 'checks.yaml'), R6_CHECKS.replace(/^checks:\n/m, `checks:\n${lines.join('\n')}\n`));
    const run = runCli(['validate', 'r6', '--checks', join(dir, 'checks.yaml'), '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ValidationReport;
    const pasted = report.checks.filter((c) => c.id.startsWith('pasted-'));
    expect(pasted).toHaveLength(listed.figures.length);
    pasted.forEach((c, i) => expect([c.figures[0]!.at.line, c.figures[0]!.at.column, c.figures[0]!.value]).toEqual([listed.figures[i]!.at?.line, listed.figures[i]!.at?.column, listed.figures[i]!.value]));
  });

  it('refuses an unknown program or kind instead of listing nothing', async () => {
    await expect(listFigures({ source: 'r6', program: '22' })).rejects.toThrow('no program "22" in r6: its programs are kyoryokutai (1), kigyojin (2),');
    await expect(listFigures({ source: 'r6', kind: 'amount' })).rejects.toThrow('unknown kind "amount": use budget, cap, rate');
    await expect(listFigures({ source: 'r6', program: '22' })).rejects.toBeInstanceOf(InputError);
  });
});

describe('a selector that misses, explained', () => {
  it('an exact name that no figure carries: the names there, and a selector for the nearest', async () => {
    const [err] = await refusal(R6_CHECKS.replace('{ budget: { program: local-startup, slide: 国庫補助事業 } }', '{ budget: { program: local-startup, label: R6予算額, slide: 国庫補助事業 } }'));
    expect(err!.message).toContain('no budget of program local-startup has label "R6予算額" (label must match exactly; there: "R6当初予算額")');
    expect(err!.hints[0]).toMatch(/^did you mean \{ budget: \{ program: local-startup, label: R6当初予算額.* → 6\.0億円 \(line 956\)$/);
  });

  it('a program the briefing does not have', async () => {
    const [err] = await refusal(R6_CHECKS.replace('value: { quantity: { program: project-manager, line: 地域プロジェクトマネージャーが活躍, unit: 名 } }', 'value: { quantity: { program: "33", line: 地域プロジェクトマネージャーが活躍, unit: 名 } }'));
    expect(err!.message).toContain('there is no program "33" in this briefing (its programs: kyoryokutai (1), kigyojin (2), project-manager (3),');
    expect(err!.hints.some((h) => h.includes('program: project-manager') && h.includes('91名'))).toBe(true);
  });

  it('words that carry a year the text no longer has (a new edition)', async () => {
    const errors = await refusal(R6_CHECKS.replaceAll('before: 令和8年度に, unit: 人', 'before: 令和9年度に, unit: 人'));
    expect(errors).toHaveLength(2);
    expect(errors[0]!.message).toContain('the words 「令和9年度に」 name a year (令和9年度) that no such line holds: a new edition moves the years');
    expect(errors[0]!.hints[0]).toContain('→ 10,000人 (line 46)');
  });

  it('too many matches: each one named alone', async () => {
    const [err] = await refusal(R6_CHECKS.replace('nth: { quantity: { program: jet, before: 設立, unit: 年 } }', 'nth: { quantity: { program: jet, line: 設立, unit: 年 } }'));
    // the 6年 of 「令和６年で設立38年」 is the year of 令和６年: `briefing figures` lists it as a date
    expect(err!.message).toContain('matches 2 figures (lines 3058, 3058): add nth, or more words; 1 of them can be named alone (the others are parts of dates):');
    expect(err!.hints.map((h) => h.replace(/^.*→ /, ''))).toEqual(['38年 (line 3058)']);
  });

  it('a figure the text lost is an error on the briefing line, and every other check still runs', async () => {
    const text = replaceOnce(R6_TEXT, '平成27年度から平成29年度までの3年間', '平成27年度から平成XX年度までの3年間');
    const report = await validateText(text, R6_CHECKS);
    const gone = report.findings.filter((f) => f.ruleId === 'checks-figure-gone');
    expect(gone).toHaveLength(1);
    expect(gone[0]).toMatchObject({ severity: 'error', checkId: 'ppp-accounting-period', at: { line: 2705 } });
    expect(gone[0]!.file).toMatch(/briefing\.txt$/);
    const line = lineOf(R6_CHECKS, 'to: { date: { program: ppp-pfi, line: 統一的な基準, nth: 2 } }');
    expect(gone[0]!.note).toMatch(new RegExp(`^selector \\{ date: \\{ program: ppp-pfi, nth: 2, line: 統一的な基準 \\} \\} at .*checks\\.yaml:${line}:9: .*has 1 match\\(es\\), so nth: 2 names no figure$`));
    expect(report.checks.find((c) => c.id === 'ppp-accounting-period')?.status).toBe('fail');
    expect(report.summary.checksPassed).toBe(report.checks.length - 1 - report.summary.acknowledged);
  });

  it('a selector\'s own mistakes stay errors of the checks file: an nth too far, words from a title', async () => {
    const nth = await refusal(R6_CHECKS.replace('nth: { quantity: { program: furusato-award, line: 回目。令和4年度までに, unit: 回 } }', 'nth: { quantity: { program: furusato-award, line: 回目, unit: 回, nth: 3 } }'));
    expect(nth.map((e) => [e.ruleId, e.message.replace(/^.*\} \} /, '')])).toEqual([['checks-unknown-figure', 'has 2 match(es), so nth: 3 names no figure']]);
    const title = await refusal(R6_CHECKS.replace('nth: { quantity: { program: furusato-award, line: 回目。令和4年度までに, unit: 回 } }', 'nth: { quantity: { program: furusato-award, line: ふるさとイベント大賞について, unit: 回 } }'));
    expect(title[0]).toMatchObject({ ruleId: 'checks-unknown-figure', file: expect.stringMatching(/checks\.yaml$/) });
  });

  it('warns when the words of a selector hold the figure it selects', async () => {
    const report = await validateText(R6_TEXT, R6_CHECKS.replace('count: { quantity: { program: ppp-pfi, line: 統一的な基準, unit: 年間 } }', 'count: { quantity: { program: ppp-pfi, line: [までの3年間で, 統一的な基準], unit: 年間 } }'));
    const warned = report.findings.filter((f) => f.ruleId === 'checks-selector-holds-figure');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ severity: 'warning', checkId: 'ppp-accounting-period', at: { line: lineOf(R6_CHECKS, 'count: { quantity: { program: ppp-pfi, line: 統一的な基準, unit: 年間 } }') } });
    expect(warned[0]!.message).toContain('the words 「までの3年間で」 of this selector hold the figure 3年間 it selects');
    expect(report.summary.errors).toBe(0);
  });
});

describe('a misspelt key', () => {
  it('is refused with the keys allowed there: of its selector kind, or of its relation', async () => {
    const selector = refusedFile('version: 1\nchecks:\n  - id: a\n    statement: x\n    relation: equal\n    values:\n      - { budget: { program: "1", lable: R6当初予算額 } }\n      - { constant: a }\n');
    expect(selector.message).toBe('check "a" (checks.0.values.0.budget): Unrecognized key: "lable"; allowed here: program, slide, nth, label');
    expect(selector.line).toBe(7);
    const check = refusedFile('version: 1\nchecks:\n  - id: b\n    statement: y\n    relation: sum\n    totl: { constant: a }\n    total: { constant: a }\n    parts: [{ constant: a }]\n');
    expect(check.message).toBe('check "b" (checks.0): Unrecognized key: "totl"; allowed here: id, statement, acknowledged, relation, total, parts, bound, tolerance');
    expect(check.line).toBe(6);
  });
});

describe('checks that could not fail', () => {
  it('are refused where they are written: a multiplier without factors, months counted as fiscal years', async () => {
    const head = 'version: 1\nchecks:\n  - id: a\n    statement: x\n';
    expect(refusedFile(`${head}    relation: multiplier\n    value: { constant: a }\n    base: { constant: a }\n`).message).toBe('check "a": a multiplier needs factors, by or per (without them it only says value = base)');
    const months = refusedFile(`${head}    relation: span\n    count: { constant: a }\n    from: { constant: a }\n    to: { constant: a }\n    unit: months\n`);
    expect(months.message).toBe('check "a": unit: months counts elapsed time: add counting: elapsed');
    expect(months.line).toBe(9);
    const rows = refusedFile(`${head}    relation: row-sum\n    rows: { program: "1", rowz: 計 }\n    total: 1\n    parts: [2]\n`);
    expect(rows.message).toContain('Unrecognized key: "rowz"; allowed here: program, slide, row, sheet');
  });
});

describe('statements templated from the figures', () => {
  it('are filled with the figures as this edition prints them', async () => {
    const report = await validateText(R6_TEXT, R6_CHECKS);
    const statement = (id: string) => report.checks.find((c) => c.id === id)!.statement;
    expect(statement('kyoryokutai-activity-cap')).toBe('活動経費の上限 520万円／人 = 報償費等 320万円 + その他活動経費 200万円');
    expect(statement('rinji-effect-rate-r2')).toBe('R2事業の効果公表率 92% = (公表済み 1,600 + 一部公表 47) / 1,788団体（未調査を含む）');
    expect(statement('teiju-neighbour-raised')).toBe('近隣市町村の包括的財政措置（1,000万円、1,500万円、1,800万円）は拡充のたびに増額');
    // no statement of R6 writes out a figure of its check
    expect(report.findings.filter((f) => f.ruleId === 'checks-statement-figure')).toEqual([]);
    expect(report.checks.filter((c) => /[{}…]/.test(c.statement))).toEqual([]);
  });

  it('warn where a statement writes out a figure of its check, naming the placeholder to use', async () => {
    const report = await validateText(R6_TEXT, R6_CHECKS.replace('活動経費の上限 {total}／人 = 報償費等 {parts.0}', '活動経費の上限 520万円／人 = 報償費等 {parts.0}'));
    const [warned, ...more] = report.findings.filter((f) => f.ruleId === 'checks-statement-figure');
    expect(more).toEqual([]);
    expect(warned).toMatchObject({ severity: 'warning', checkId: 'kyoryokutai-activity-cap', at: { line: lineOf(R6_CHECKS, '活動経費の上限 {total}') } });
    expect(warned!.message).toContain('writes out 「520万円」, the figure 520万円 of the check: write {total} instead');
  });

  it('refuse a placeholder that names no figure of the check, with those it could name', () => {
    const head = 'version: 1\nchecks:\n  - id: a\n';
    const tail = '    relation: sum\n    total: { constant: a }\n    parts: [{ constant: a }, { constant: a }]\n';
    expect(refusedFile(`${head}    statement: 計 {totl}\n${tail}`).message).toBe('check "a": the statement\'s {totl} names no figure of the check: use {total}, {parts}, {parts.0}…{parts.1}');
    expect(refusedFile(`${head}    statement: 計 {parts.2}\n${tail}`).message).toBe('check "a": the statement\'s {parts.2} names no entry of parts: use {total}, {parts}, {parts.0}…{parts.1}');
  });
});
