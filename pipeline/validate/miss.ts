import { escapeRegExp as escape } from '../lib/regexp.ts';
import { isProgramKey, programKeysList, programNo } from './program-key.ts';
import type { FigureSelector } from '../../schemas/checks.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { compact } from '../parse/normalize.ts';
import { bigrams } from '../lib/bigrams.ts';
import type { CatalogEntry, FigureKind } from './catalog.ts';
import { specOf, WORD_FIELDS, wordsOf } from './selector-spec.ts';
import { matchingFigures, SelectorError, selectorText, type SelectContext } from './select.ts';

/** Why a selector named no figure (or too many), what it might have meant, and — when the text lost the figure — where. */
export interface MissExplanation {
  reason: string;
  /** up to three figures of the same kind, nearest first, each with the selector that names it */
  nearest: CatalogEntry[];
  /** the line of the briefing that still holds the selector's words but no longer the figure: the text changed */
  gone: Provenance | null;
}

/** Fields compared whole (the value must be the figure's name exactly); every other text field is words a line must hold. */
const EXACT: Partial<Record<FigureKind, string[]>> = {
  budget: ['label'],
  rate: ['name'],
  share: ['label'],
  series: ['label', 'year'],
  breakdown: ['item'],
  cell: ['row', 'column'],
  'sheet-count': ['note', 'label'],
  date: ['printed'],
  quantity: ['unit'],
};
/** How many of too many matches are listed, each with its own selector. */
const MANY_SHOWN = 5;
const ERA_YEAR = /(?:令和|平成|昭和)\s*(?:元|[0-9０-９]{1,2})\s*年度?|(?<![A-Za-z])[RHS]\s*[0-9０-９]{1,2}(?![0-9０-９])|[0-9０-９]{4}\s*年度?/u;

/**
 * Explains a selector that missed. The reason is the first that holds: an unknown program; an
 * exact field (a name, a label) no figure of that kind carries, with the names there; words that
 * name a year no line has; the one condition without which it would match; too few matches for
 * its nth. `gone` is set when the words still stand on a line of the briefing that holds no such
 * figure: the text changed, and the error belongs on that line, not in the checks file.
 */
export function explainMiss(err: SelectorError, ctx: SelectContext, catalog: () => readonly CatalogEntry[]): MissExplanation {
  const sel = err.selector;
  if (!sel || err.miss === 'constant') return { reason: err.message, nearest: [], gone: null };
  const [kind, raw] = Object.entries(sel)[0]! as [FigureKind, Record<string, unknown>];
  const spec = raw ?? {};
  const sameKind = catalog().filter((e) => e.kind === kind);
  if (err.miss === 'many') {
    const at = new Set(err.matches.map((f) => `${f.at?.line}:${f.at?.column}`));
    const named = sameKind.filter((e) => at.has(`${e.at?.line}:${e.at?.column}`));
    const shown = named.slice(0, MANY_SHOWN);
    const some = named.length < err.matches.length ? `${named.length} of them can be named alone (the others are parts of dates)` : 'each of them named alone';
    const reason = shown.length === 0 ? 'none of them can be named alone: add words of its line' : `${some}${named.length > shown.length ? `, the first ${shown.length}` : ''}:`;
    return { reason, nearest: shown, gone: null };
  }
  const nearest = nearestEntries(spec, sameKind);
  const key = spec.program as string | undefined;
  if (key !== undefined && !isProgramKey(ctx.briefing, key)) {
    return { reason: `there is no program "${key}" in this briefing (its programs: ${programKeysList(ctx.briefing)})`, nearest, gone: null };
  }
  const program = programNo(ctx.briefing, key);
  const inProgram = sameKind.filter((e) => program === undefined || e.program === program);
  for (const field of EXACT[kind] ?? []) {
    if (spec[field] === undefined) continue;
    const values = [...new Set(inProgram.map((e) => specOf(e.selector)[field]).filter((v) => v !== undefined))];
    if (!values.includes(spec[field])) {
      const there = values.length ? `; there: ${values.slice(0, 6).map((v) => `"${String(v)}"`).join(', ')}${values.length > 6 ? ' …' : ''}` : '';
      return { reason: `no ${kind} ${program ? `of program ${key} ` : ''}has ${field} "${String(spec[field])}" (${field} must match exactly${there})`, nearest, gone: null };
    }
  }
  const gone = goneLine(kind, spec, ctx, sameKind);
  for (const field of WORD_FIELDS) {
    const words = wordsOf(spec[field]);
    const year = words.map((w) => ERA_YEAR.exec(w)?.[0]).find(Boolean);
    if (year && relaxedMatches(sel, field, ctx) > 0) {
      return { reason: `the words ${quote(words)} name a year (${year}) that no such line holds: a new edition moves the years — select by the words without it`, nearest, gone };
    }
  }
  if (err.miss === 'nth') return { reason: err.message, nearest, gone };
  for (const field of Object.keys(spec)) {
    if (field === 'nth' || field === 'all') continue;
    const n = relaxedMatches(sel, field, ctx);
    if (n > 0) return { reason: `no figure meets all its conditions; without ${field}: ${JSON.stringify(spec[field])} it matches ${n}`, nearest, gone };
  }
  return { reason: `no ${kind} figure ${program ? `of program ${key} ` : ''}meets its conditions`, nearest, gone };
}


function quote(words: string[]): string {
  return words.map((w) => `「${w}」`).join('');
}

function relaxedMatches(sel: FigureSelector, field: string, ctx: SelectContext): number {
  const spec = { ...specOf(sel) };
  delete spec[field];
  delete spec.nth;
  const kind = Object.keys(sel)[0]!;
  try {
    return matchingFigures({ [kind]: spec } as FigureSelector, ctx).length;
  } catch (err) {
    if (err instanceof SelectorError) return 0;
    throw err;
  }
}

/**
 * The first line of the briefing (of the program's slides, when it names one) that holds every
 * word of the selector but no figure of its kind beyond those the selector already found.
 */
function goneLine(kind: FigureKind, spec: Record<string, unknown>, ctx: SelectContext, sameKind: readonly CatalogEntry[]): Provenance | null {
  const words = ['line', 'before', 'after', ...(EXACT[kind] ?? []).filter((f) => typeof spec[f] === 'string' && f !== 'unit')].flatMap((f) => wordsOf(spec[f])).map(compact);
  if (words.length === 0) return null;
  const program = programNo(ctx.briefing, spec.program as string | undefined);
  for (const slide of ctx.briefing.slides) {
    if (program !== undefined && slide.program !== program) continue;
    for (let line = slide.startLine; line <= slide.endLine; line++) {
      const text = ctx.lineText(line);
      if (!words.every((w) => compact(text).includes(w))) continue;
      const raw = ctx.rawLine?.(line) ?? text;
      if (!brokenFigureOn(kind, spec, raw, sameKind.filter((e) => e.at?.line === line))) continue;
      const page = ctx.pageOf?.(line);
      return { line, column: raw.length - raw.trimStart().length + 1, endLine: line, endColumn: raw.trimEnd().length + 1, raw: raw.trim(), ...(page ? { page } : {}) };
    }
  }
  return null;
}

/**
 * The line shows a figure of that kind that the parse could not read — an era or 年度 (平成XX年度),
 * a day (3月41日), a number-like token with the selector's unit (4X回), a budget label or rate name
 * without its figure — outside every figure of that kind read on the line. Then the figure was
 * there and the text broke it; words from a title or another line only are the selector's mistake.
 */
function brokenFigureOn(kind: FigureKind, spec: Record<string, unknown>, raw: string, read: readonly CatalogEntry[]): boolean {
  const pattern =
    kind === 'date'
      ? /令和|平成|昭和|(?<![A-Za-z])[RHS](?=\s*[0-9０-９XＸ])|[0-9０-９XＸ]+\s*月\s*[0-9０-９XＸ]+\s*日/gu
      : kind === 'quantity' && typeof spec.unit === 'string'
        ? new RegExp(`[0-9０-９XＸ?？][\\s,，.．]*${escape(spec.unit)}`, 'gu')
        : kind === 'budget' && typeof spec.label === 'string'
          ? new RegExp(escape(spec.label), 'gu')
          : kind === 'rate' && typeof spec.name === 'string'
            ? new RegExp(escape(spec.name), 'gu')
            : null;
  if (!pattern) return false;
  const covered = (i: number) => read.some((e) => e.at && e.at.column - 1 <= i && i < e.at.endColumn - 1);
  return [...raw.matchAll(pattern)].some((m) => !covered(m.index!));
}

/** Figures of the same kind ranked by how much of the selector they share: its program, then its words and names. */
function nearestEntries(spec: Record<string, unknown>, sameKind: readonly CatalogEntry[]): CatalogEntry[] {
  const wanted = compact(
    Object.entries(spec)
      .filter(([k]) => k !== 'program' && k !== 'nth' && k !== 'all')
      .flatMap(([, v]) => wordsOf(v).concat(typeof v === 'number' ? [String(v)] : []))
      .join(''),
  );
  const grams = bigrams(wanted);
  const score = (e: CatalogEntry) => {
    const have = bigrams(compact(`${e.label}${e.line}${selectorText(e.selector)}`));
    let shared = 0;
    for (const g of grams) if (have.has(g)) shared++;
    const theirs = specOf(e.selector);
    const same = Object.entries(spec).filter(([k, v]) => k !== 'program' && JSON.stringify(theirs[k]) === JSON.stringify(v)).length;
    return (grams.size ? shared / grams.size : 0) + (spec.program !== undefined && specOf(e.selector).program === spec.program ? 0.5 : 0) + 0.3 * same;
  };
  return [...sameKind]
    .map((e) => ({ e, s: score(e) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .slice(0, 3)
    .map((x) => x.e);
}
