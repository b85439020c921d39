import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../schemas/briefing.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { validateParsed } from '../../pipeline/commands/validate.ts';
import { InputError } from '../../pipeline/lib/errors.ts';
import { parseChecks } from '../../pipeline/validate/checks-file.ts';
import { R6_TEXT, parseText } from '../helpers/r6.ts';
import { R6_CHECKS, R6_CHECKS_PATH } from '../helpers/validate.ts';

const FULL_WIDTH_ZERO = 0xff10;
const SWAP: Record<string, string> = { '½': '¼', '¼': '½', '¾': '½' };

/**
 * Change one figure: the first digit of the last number in its text goes up by one (9 becomes 8)
 * — the last number, because a figure's text may start with a label ("R6当初予算額：248百万円") —
 * or a vulgar fraction swaps (½ ↔ ¼).
 */
function mutate(text: string, lineStarts: number[], at: Provenance): { text: string; line: number; from: string; to: string } | null {
  const start = lineStarts[at.line - 1]! + at.column - 1;
  const numbers = [...at.raw.matchAll(/[0-9０-９][0-9０-９,，.．]*/g)];
  const from = numbers.length ? start + numbers.at(-1)!.index! : start;
  for (let i = from; i < start + at.raw.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    let to: string | null = null;
    if (ch >= '0' && ch <= '9') to = ch === '9' ? '8' : String(Number(ch) + 1);
    else if (code >= FULL_WIDTH_ZERO && code <= FULL_WIDTH_ZERO + 9) to = String.fromCharCode(code === FULL_WIDTH_ZERO + 9 ? code - 1 : code + 1);
    else if (SWAP[ch]) to = SWAP[ch]!;
    if (to === null) continue;
    const line = text.slice(0, i).split('\n').length;
    return { text: text.slice(0, i) + to + text.slice(i + 1), line, from: ch, to };
  }
  return null;
}

/** Relations that bound a figure without pinning it: a change that keeps the bound is no error. */
const BOUNDS = new Set(['at-most', 'ordered']);

function involvedFigures(report: ValidationReport, bounding: ReadonlySet<string>): Map<string, { at: Provenance; checks: string[]; boundOnly: boolean }> {
  const figures = new Map<string, { at: Provenance; checks: string[]; boundOnly: boolean }>();
  for (const c of report.checks) {
    for (const f of c.figures) {
      if (!f.at.raw) continue; // constants have no place in the source
      const key = `${f.at.line}:${f.at.column}`;
      const entry = figures.get(key) ?? figures.set(key, { at: f.at, checks: [], boundOnly: true }).get(key)!;
      entry.checks.push(c.id);
      if (!BOUNDS.has(c.relation) && !bounding.has(c.id)) entry.boundOnly = false;
    }
  }
  return figures;
}

/** Every figure the parse found, by place, to list those no check looks at. */
function allFigures(b: Briefing): Map<string, string> {
  const all = new Map<string, string>();
  const add = (at: Provenance, label: string) => all.set(`${at.line}:${at.column}`, label);
  b.budgets.forEach((x) => add(x.at, `${x.label} ${x.amount.printed}`));
  b.measures.forEach((x) => add(x.at, `${x.item} ${x.cap?.printed ?? ''}`));
  b.rates.forEach((x) => add(x.at, `${x.name} ${x.printed}`));
  b.series.forEach((s) => s.points.forEach((p) => add(p.at, `${s.label} ${p.yearLabel} ${p.printed}`)));
  b.quantities.forEach((q) => add(q.at, q.context.slice(0, 40)));
  b.tableRows.forEach((r) => r.cells.forEach((c) => add(c.at, `${r.label} ${c.printed}`)));
  return all;
}

describe('mutation test of the checks', () => {
  it('catches every change to a checked figure with an error on the changed line', async () => {
    const checks = parseChecks(R6_CHECKS, R6_CHECKS_PATH);
    const { briefing } = await parseText();
    const baseline = validateParsed(briefing, { text: R6_TEXT }, checks);
    expect(baseline.summary.errors).toBe(0);
    const lineStarts = [0];
    for (let i = 0; i < R6_TEXT.length; i++) if (R6_TEXT[i] === '\n') lineStarts.push(i + 1);

    // a sum or row rule with bound: at-most bounds its figures too
    const bounding = new Set(checks.checks.checks.filter((c) => 'bound' in c && c.bound === 'at-most').map((c) => c.id));
    const figures = involvedFigures(baseline, bounding);
    const missed: string[] = [];
    const missedBounds: string[] = [];
    let tried = 0;
    let triedBounds = 0;
    for (const { at, checks: ids, boundOnly } of figures.values()) {
      const m = mutate(R6_TEXT, lineStarts, at);
      if (!m) continue;
      if (boundOnly) triedBounds++;
      else tried++;
      let caught = false;
      let why = 'no error on that line';
      try {
        const parsed = await parseText(m.text);
        const report = validateParsed(parsed.briefing, { text: m.text }, checks);
        const covers = (p: Provenance | null) => p !== null && p.line <= m.line && m.line <= p.endLine;
        caught = report.findings.some((f) => f.severity === 'error' && (covers(f.at) || f.related.some(covers)));
      } catch (err) {
        why = err instanceof InputError ? `input error: ${err.message}` : String(err);
      }
      if (!caught) (boundOnly ? missedBounds : missed).push(`line ${m.line} "${at.raw.replace(/\n/g, '⏎')}" ${m.from}→${m.to} (${ids.join(', ')}): ${why}`);
    }
    const outside = [...allFigures(briefing).entries()].filter(([key]) => !figures.has(key));
    console.log(
      [
        `mutation test: ${tried - missed.length}/${tried} changes to figures pinned by a check caught (${(((tried - missed.length) / tried) * 100).toFixed(1)}%)`,
        ...missed.map((m) => `  missed: ${m}`),
        `figures only bounded (at-most, ordered): ${triedBounds - missedBounds.length}/${triedBounds} changes caught; a change that keeps the bound passes:`,
        ...missedBounds.map((m) => `  within bounds: ${m}`),
        `figures outside any check: ${outside.length} of ${allFigures(briefing).size} (first 15 below)`,
        ...outside.slice(0, 15).map(([key, label]) => `  ${key} ${label}`),
      ].join('\n'),
    );
    expect(tried).toBeGreaterThan(200);
    expect(missed).toEqual([]);
  }, 300_000);
});
