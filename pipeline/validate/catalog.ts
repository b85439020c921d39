import { programKey } from './program-key.ts';
import { insideDate } from '../checks/rule.ts';
import type { Briefing } from '../../schemas/briefing.ts';
import type { FigureSelector } from '../../schemas/checks.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { compact } from '../parse/normalize.ts';
import { figuresOrNone, matchingFigures, type Figure, type SelectContext } from './select.ts';
import { DIGIT, specOf } from './selector-spec.ts';

/** The kinds of figure a selector can name (constants and place counts are no figures of the text). */
export const FIGURE_KINDS = ['budget', 'cap', 'rate', 'share', 'series', 'breakdown', 'cell', 'sheet-count', 'date', 'quantity'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/** One figure of the briefing as a checks author needs it: what it is, where, and a selector that names it alone. */
export interface CatalogEntry {
  kind: FigureKind;
  program: string | null;
  label: string;
  printed: string;
  value: number;
  at: Provenance | null;
  /** the words of its line in the source */
  line: string;
  /** the shortest selector that matches this figure and no other, checked by the selector engine itself */
  selector: FigureSelector;
}

/** A figure to name, and the selectors to try for it, shortest first. */
interface Wanted {
  kind: FigureKind;
  at: Provenance | null;
  value: number;
  tries: FigureSelector[];
}

/**
 * Every figure a selector can name, in page order, each with a selector that names it alone —
 * the first of its tries that the selector engine resolves to exactly that figure, else the first
 * try with `nth`. Pure: the briefing and its lines in, the catalog out.
 */
export function figureCatalog(ctx: SelectContext): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const wanted of wantedFigures(ctx)) {
    const named = nameAlone(wanted, ctx);
    if (!named) continue;
    const { figure, selector } = named;
    // a quantity's label is its whole line: the words before it say what it counts
    const label = wanted.kind === 'quantity' ? String(specOf(selector).before ?? '') : figure.label;
    entries.push({ kind: wanted.kind, program: figure.program, label, printed: figure.printed, value: figure.value, at: figure.at, line: figure.at ? ctx.lineText(figure.at.line).trim() : '', selector });
  }
  return entries.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0));
}

function nameAlone(wanted: Wanted, ctx: SelectContext): { figure: Figure; selector: FigureSelector } | null {
  const isIt = (f: Figure) => f.value === wanted.value && f.at?.line === wanted.at?.line && f.at?.column === wanted.at?.column;
  // the tries carry no nth: their matches are what the selector engine would take (counted, not thrown)
  for (const selector of wanted.tries) {
    const found = matchingFigures(selector, ctx);
    if (found.length === 1 && isIt(found[0]!)) return { figure: found[0]!, selector };
  }
  const first = wanted.tries[0]!;
  const index = matchingFigures(first, ctx).findIndex(isIt);
  if (index < 0) return null;
  const selector = withSpec(first, { nth: index + 1 });
  const found = figuresOrNone(selector, ctx);
  return found.length === 1 && isIt(found[0]!) ? { figure: found[0]!, selector } : null;
}


/** The selector with more fields in its spec. */
export function withSpec(selector: FigureSelector, more: Record<string, unknown>): FigureSelector {
  const [kind, spec] = Object.entries(selector)[0]!;
  return { [kind]: { ...(spec as object), ...more } } as FigureSelector;
}

function wantedFigures(ctx: SelectContext): Wanted[] {
  const b = ctx.briefing;
  const wanted: Wanted[] = [];
  const want = (kind: FigureKind, at: Provenance | null, value: number, specs: Record<string, unknown>[]) =>
    wanted.push({ kind, at, value, tries: specs.map((spec) => ({ [kind]: dropEmpty(spec) }) as FigureSelector) });
  const own = (x: { program: string | null }) => ({ program: programKey(b, x.program) ?? undefined });
  const title = (x: { slide: number }) => ({ slide: slideWords(b, x.slide) });
  const words = (at: Provenance) => ({ line: lineWords(ctx.lineText(at.line)) });

  for (const x of b.budgets) want('budget', x.at, x.amount.yen, [{ ...own(x), label: x.label }, { ...own(x), label: x.label, ...title(x) }]);
  for (const m of b.measures) {
    if (!m.cap) continue;
    const base = { ...own(m), item: m.item };
    want('cap', m.at, m.cap.yen, [base, { ...base, ...title(m) }]);
    if (m.previous) want('cap', m.at, m.previous.yen, [{ ...base, previous: true }, { ...base, previous: true, ...title(m) }]);
    for (const c of m.components) want('cap', c.at, c.amount.yen, [{ ...base, component: c.label }, { ...base, component: c.label, ...title(m) }]);
  }
  for (const r of b.rates) want('rate', r.at, r.value, [{ ...own(r), name: r.name }, { ...own(r), name: r.name, ...words(r.at) }, { ...own(r), name: r.name, ...words(r.at), ...title(r) }]);
  for (const s of b.shares) want('share', s.at, s.value, [{ ...own(s), label: s.label }, { ...own(s), label: s.label, ...title(s) }]);
  for (const s of b.series) for (const p of s.points) want('series', p.at, p.value, [{ ...own(s), label: s.label, year: p.fiscalYear }, { ...own(s), label: s.label, year: p.fiscalYear, ...title(s) }]);
  for (const x of b.breakdowns) {
    if (x.total) want('breakdown', x.total.at, x.total.value, [{ ...own(x), total: true }, { ...own(x), total: true, ...title(x) }]);
    for (const i of x.items) want('breakdown', i.at, i.value, [{ ...own(x), item: i.label }, { ...own(x), item: i.label, ...title(x) }]);
  }
  for (const r of b.tableRows) {
    r.cells.forEach((cell, k) => {
      if (cell.value === null) return;
      want('cell', cell.at, cell.value, [{ ...own(r), row: r.label, column: k + 1 }, { ...own(r), row: r.label, column: k + 1, ...title(r) }]);
    });
  }
  for (const x of b.sheets) {
    const copy = x.copies.find((c) => c.label === x.canonical);
    for (const c of copy?.counts ?? []) want('sheet-count', c.at, c.value, [{ ...own(x), note: c.note, label: c.label }]);
  }
  // a date is its own printed text: select it by the words of its line, so that the selector survives a new date
  for (const d of b.dates) {
    const near = words(d.at);
    want('date', d.at, d.year, near.line ? [{ ...own(d), ...near }, { ...own(d), ...near, ...title(d) }] : [{ ...own(d), printed: d.printed }]);
  }
  // a number inside a date (the 58 of 昭和58年度) is that date, not a quantity of its own
  const inDate = (at: Provenance) => insideDate(b, at);
  for (const q of b.quantities) {
    if (inDate(q.at)) continue;
    const before = wordsBefore(q.context, q.contextOffset);
    const after = wordsAfter(q.context, q.contextOffset + q.printed.length);
    const base = { ...own(q), before, unit: q.unit ?? undefined };
    want('quantity', q.at, q.value, [base, { ...base, after }, { ...base, after, ...words(q.at) }, { ...base, after, ...words(q.at), ...title(q) }]);
  }
  return wanted;
}

function dropEmpty(spec: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined && v !== ''));
}


/** The words just before a number, as far back as the last digit or punctuation (at most 10 characters). */
export function wordsBefore(context: string, offset: number): string | undefined {
  const head = compact(context.slice(0, offset));
  const m = /[^0-9０-９、。，．,.:：;；（）()「」『』・●○◎■□◆◇▲△▼▽※⇒→\s]{1,10}$/u.exec(head);
  return m && m[0].length >= 2 ? m[0] : undefined;
}

/** The words just after a number and its unit, up to the next digit or punctuation (at most 10 characters). */
export function wordsAfter(context: string, end: number): string | undefined {
  const tail = compact(context.slice(end));
  const m = /^[^0-9０-９、。，．,.:：;；（）()「」『』・●○◎■□◆◇▲△▼▽※⇒→]{2,10}/u.exec(tail);
  return m ? m[0] : undefined;
}

const BREAKS = /[0-9０-９%％.．,，、。（）()「」：:]+/u;

/** The two longest digit-free stretches of a line (at most 16 characters each), to tell it from others. */
export function lineWords(text: string): string | string[] | undefined {
  const runs = compact(text)
    .split(BREAKS)
    .filter((run) => run.length >= 2 && !DIGIT.test(run))
    .sort((a, b) => b.length - a.length)
    .slice(0, 2)
    .map((run) => run.slice(0, 16));
  return runs.length === 0 ? undefined : runs.length === 1 ? runs[0] : runs;
}

/** The longest digit-free phrase of the slide title. */
function slideWords(b: Briefing, slide: number): string | undefined {
  const words = lineWords(b.slides[slide - 1]?.title ?? '');
  return Array.isArray(words) ? words[0] : words;
}
