import YAML from 'yaml';
import { programNo } from './program-key.ts';
import type { Briefing } from '../../schemas/briefing.ts';
import type { ChecksFile, FigureSelector } from '../../schemas/checks.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { compact } from '../parse/normalize.ts';
import type { SourceLines } from './source-lines.ts';

/** A figure as the checks see it: a number, how it was printed, and where. */
export interface Figure {
  value: number;
  printed: string;
  label: string;
  program: string | null;
  at: Provenance | null;
  /** a date's parts, for spans counted in elapsed time */
  date?: { year: number; month: number | null; day: number | null };
}

/** The figures of one table row, by column (null: an empty cell). */
export interface RowFigures {
  label: string;
  cells: (Figure | null)[];
}

/** A selector that names no figure (none, or fewer than its nth) or too many: an error of the checks file, explained by miss.ts. */
export class SelectorError extends Error {
  constructor(
    message: string,
    readonly selector: FigureSelector | null = null,
    readonly miss: 'none' | 'many' | 'nth' | 'constant' = 'none',
    readonly matches: readonly Figure[] = [],
  ) {
    super(message);
    this.name = 'SelectorError';
  }
}

type Has<K extends string> = Extract<FigureSelector, Record<K, unknown>>[K];

const compactCache = new Map<string, string>();
/** Selectors compare many lines many times: compact each text once. */
function compactOf(text: string): string {
  let c = compactCache.get(text);
  if (c === undefined) {
    if (compactCache.size > 50_000) compactCache.clear();
    c = compact(text);
    compactCache.set(text, c);
  }
  return c;
}

const has = (haystack: string, needles: string | string[] | undefined) =>
  needles === undefined || (Array.isArray(needles) ? needles : [needles]).every((n) => compactOf(haystack).includes(compactOf(n)));

/**
 * Resolve a selector to figures. One figure is expected unless the selector says `all: true`;
 * anything else is an error of the checks file (the figure it names does not exist, or is not unique).
 */
export interface SelectContext extends Pick<SourceLines, 'lineText'>, Partial<Omit<SourceLines, 'lineText'>> {
  briefing: Briefing;
  constants: ChecksFile['constants'];
}

export function selectFigures(sel: FigureSelector, ctx: SelectContext, wantMany = false): Figure[] {
  const found = matchingFigures(sel, ctx);
  const spec = Object.values(sel)[0] as { nth?: number; all?: boolean };
  const all = typeof spec === 'object' && spec.all === true;
  if (typeof spec === 'object' && spec.nth !== undefined) {
    const pick = found[spec.nth - 1];
    if (!pick) throw new SelectorError(`${selectorText(sel)} has ${found.length} match(es), so nth: ${spec.nth} names no figure`, sel, 'nth', found);
    return [pick];
  }
  if (found.length === 0) throw new SelectorError(`${selectorText(sel)} matches no figure of the briefing`, sel, 'none');
  if (found.length > 1 && !(all && wantMany) && !isCount(sel)) {
    const allHere = all && !wantMany ? ' (all: true takes every match only in a list of figures, such as parts)' : '';
    throw new SelectorError(`${selectorText(sel)} matches ${found.length} figures (lines ${found.map((f) => f.at?.line).join(', ')}): add nth, or more words${wantMany ? ', or all: true' : allHere}`, sel, 'many', found);
  }
  return found;
}

function isCount(sel: FigureSelector): boolean {
  return 'places' in sel;
}

/** A selector as one line of YAML, as it is written in a checks file: { budget: { program: "13", label: … } }. */
export function selectorText(sel: FigureSelector): string {
  return flowText(sel);
}

/** Any part of a checks file as one line of YAML. */
function flowText(value: unknown): string {
  return YAML.stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

/** The figures a selector names, or none when it names none (or too many): for lists and suggestions, not for checks. */
export function figuresOrNone(sel: FigureSelector, ctx: SelectContext, wantMany = false): Figure[] {
  try {
    return selectFigures(sel, ctx, wantMany);
  } catch (err) {
    if (err instanceof SelectorError) return [];
    throw err;
  }
}

function slideTitle(b: Briefing, index: number): string {
  return b.slides[index - 1]?.title ?? '';
}

function common(b: Briefing, spec: { program?: string; slide?: string }, x: { program: string | null; slide: number }): boolean {
  return (spec.program === undefined || x.program === programNo(b, spec.program)) && (spec.slide === undefined || has(slideTitle(b, x.slide), spec.slide));
}

/** Every figure the selector's conditions match, in page order, before `nth` picks one. */
export function matchingFigures(sel: FigureSelector, ctx: SelectContext): Figure[] {
  const b = ctx.briefing;
  const lineOf = (at: Provenance) => ctx.lineText(at.line);
  if ('quantity' in sel) return quantities(sel.quantity, b);
  if ('budget' in sel) {
    const s = sel.budget;
    return b.budgets
      .filter((x) => common(b, s, x) && (s.label === undefined || x.label === s.label))
      .map((x) => ({ value: x.amount.yen, printed: x.amount.printed, label: x.label, program: x.program, at: x.at }));
  }
  if ('cap' in sel) {
    const s = sel.cap;
    const caps = b.measures.filter((m) => common(b, s, m) && has(m.item, s.item) && m.cap && (!s.previous || m.previous));
    if (s.previous) return caps.map((m) => ({ value: m.previous!.yen, printed: m.previous!.printed, label: `${m.item} (before)`, program: m.program, at: m.at }));
    if (s.component === undefined) return caps.map((m) => ({ value: m.cap!.yen, printed: m.cap!.printed, label: m.item, program: m.program, at: m.at }));
    return caps.flatMap((m) =>
      m.components.filter((c) => has(c.label, s.component)).map((c) => ({ value: c.amount.yen, printed: c.amount.printed, label: `${m.item} ${c.label}`, program: m.program, at: c.at })),
    );
  }
  if ('rate' in sel) {
    const s = sel.rate;
    return b.rates
      .filter((r) => common(b, s, r) && (s.name === undefined || r.name === s.name) && has(r.context, s.line))
      .map((r) => ({ value: r.value, printed: r.printed, label: r.name, program: r.program, at: r.at }));
  }
  if ('share' in sel) {
    const s = sel.share;
    return b.shares.filter((x) => common(b, s, x) && x.label === s.label).map((x) => ({ value: x.value, printed: x.printed, label: x.label, program: x.program, at: x.at }));
  }
  if ('series' in sel) {
    const s = sel.series;
    return b.series
      .filter((x) => common(b, s, x) && x.label === s.label)
      .flatMap((x) => x.points.filter((p) => s.year === undefined || p.fiscalYear === s.year).map((p) => ({ value: p.value, printed: p.printed, label: `${x.label} ${p.yearLabel}`, program: x.program, at: p.at })));
  }
  if ('breakdown' in sel) {
    const s = sel.breakdown;
    return b.breakdowns
      .filter((x) => common(b, s, x))
      .flatMap((x) => {
        if (s.total) return x.total ? [{ value: x.total.value, printed: x.total.printed, label: `${x.label} 総数`, program: x.program, at: x.total.at }] : [];
        return x.items.filter((i) => s.item === undefined || i.label === s.item).map((i) => ({ value: i.value, printed: i.printed, label: i.label, program: x.program, at: i.at }));
      });
  }
  if ('cell' in sel) {
    const s = sel.cell;
    return b.tableRows
      .filter((r) => common(b, s, r) && compact(r.label) === compact(s.row))
      .flatMap((r) => {
        const cell = r.cells[s.column - 1];
        if (!cell) return [];
        if (cell.value === null && s.empty !== 'zero') return [];
        return [{ value: cell.value ?? 0, printed: cell.printed, label: `${r.label} [${s.column}]`, program: r.program, at: cell.at }];
      });
  }
  if ('sheet-count' in sel) {
    const s = sel['sheet-count'];
    return b.sheets
      .filter((x) => common(b, s, x))
      .flatMap((x) => {
        const copy = x.copies.find((c) => c.label === x.canonical)!;
        return copy.counts.filter((c) => c.note === s.note && c.label === s.label).map((c) => ({ value: c.value, printed: String(c.value), label: `${c.note} ${c.label}`, program: x.program, at: c.at }));
      });
  }
  if ('places' in sel) return [placesCount(sel.places, b, lineOf)];
  if ('date' in sel) {
    const s = sel.date;
    return b.dates
      .filter((d) => common(b, s, d) && (s.printed === undefined || d.printed === s.printed) && has(lineOf(d.at), s.line))
      .map((d) => ({ value: s.field === 'eraYear' ? (d.eraYear ?? d.year) : d.year, printed: d.printed, label: d.printed, program: d.program, at: d.at, date: { year: d.year, month: d.month, day: d.day } }));
  }
  const c = ctx.constants[sel.constant];
  if (!c) throw new SelectorError(`no constant named "${sel.constant}" under constants:`, sel, 'constant');
  return [{ value: c.value, printed: String(c.value), label: `${sel.constant} (${c.note})`, program: null, at: null }];
}

function quantities(s: Has<'quantity'>, b: Briefing): Figure[] {
  return b.quantities
    .filter((q) => common(b, s, q) && (s.unit === undefined || q.unit === s.unit) && has(q.context, s.line))
    .filter((q) => {
      if (s.before === undefined && s.after === undefined) return true;
      const i = q.contextOffset;
      const before = compact(q.context.slice(Math.max(0, i - 40), i));
      const after = compact(q.context.slice(i)).slice(q.printed.length, q.printed.length + 40);
      return (s.before === undefined || before.endsWith(compact(s.before))) && (s.after === undefined || after.startsWith(compact(s.after)));
    })
    .map((q) => ({ value: q.value, printed: q.printed, label: q.context, program: q.program, at: q.at }));
}

function placesCount(s: Has<'places'>, b: Briefing, lineOf: (at: Provenance) => string): Figure {
  const places = b.places.filter((p) => common(b, s, p) && p.kind === s.kind && has(lineOf(p.at), s.line));
  let value: number;
  if (s.count === 'items') value = new Set(places.filter((p) => p.municipality && p.group !== null).map((p) => p.group)).size;
  else if (s.count === 'municipalities') value = places.filter((p) => p.municipality).length;
  else value = new Set(places.map((p) => p.prefecture).filter((name) => s.suffix === undefined || name.endsWith(s.suffix))).size;
  const first = places[0];
  return { value, printed: String(value), label: `${s.kind} ${s.count}${s.suffix ? ` (${s.suffix})` : ''} counted`, program: first?.program ?? programNo(b, s.program) ?? null, at: first?.at ?? null };
}

/**
 * The rows a row-sum check names: the program's table rows (on the slide) whose label holds the
 * words; with `sheet`, the year rows of every copy of its embedded sheets.
 */
export function selectRows(sel: { program?: string; slide?: string; row?: string | string[]; sheet?: boolean }, ctx: SelectContext): RowFigures[] {
  const b = ctx.briefing;
  type Cell = { printed: string; value: number | null; at: Provenance };
  const row = (label: string, program: string | null, cells: readonly Cell[]): RowFigures => ({
    label,
    cells: cells.map((c, k) => (c.value === null ? null : { value: c.value, printed: c.printed, label: `${label} [${k + 1}]`, program, at: c.at })),
  });
  const rows = sel.sheet
    ? b.sheets.filter((x) => common(b, sel, x)).flatMap((x) => x.copies.flatMap((copy) => copy.rows.filter((r) => has(r.yearLabel, sel.row)).map((r) => row(`${copy.label} ${r.yearLabel}`, x.program, r.values))))
    : b.tableRows.filter((r) => common(b, sel, r) && has(r.label, sel.row)).map((r) => row(r.label, r.program, r.cells));
  if (rows.length === 0) throw new SelectorError(`rows ${flowText(sel)} name no table row of the briefing`, null, 'none');
  return rows;
}
