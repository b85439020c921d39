import type { Series } from '../../../schemas/figures.ts';
import { inferEraSequence, parseEraYear, toEraYear } from '../../units/era.ts';
import { parseNumber } from '../../units/number.ts';
import { makeId, type SlideContext } from './context.ts';

const YEAR = String.raw`(?:(?:令和|平成|昭和)\s*)?(?:元|\d{1,2})\s*年度`;
const YEAR_HEADER = new RegExp(`^(\\S*?)\\s*((?:${YEAR}\\s*){3,})$`);
const VALUE = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(人|団体|件|回|%|市町村|組合)?/g;
const ROW_YEAR = new RegExp(`^(${YEAR})\\s+((?:\\d[\\d,]*\\s*){2,})$`);
const UNIT_ONLY = /^(人|団体|件|回|%|市町村|組合)$/;

interface Located {
  text: string;
  offset: number;
}

/** Time series by fiscal year, in both layouts the decks use. */
export function extractSeries(ctx: SlideContext): Series[] {
  const lines = locatedLines(ctx);
  return [...columnSeries(ctx, lines), ...rowSeries(ctx, lines)].map((s, i) => ({ ...s, id: makeId('series', ctx.slide.index, i) }));
}

function locatedLines(ctx: SlideContext): Located[] {
  let offset = 0;
  return ctx.span.lines.map((l) => {
    const located = { text: l.text, offset };
    offset += l.text.length + 1;
    return located;
  });
}

/**
 * "年度 21年度 22年度 … 5年度" followed by rows "隊員数 89人 257人 …": one series per row. Row values
 * may wrap over several lines ("1,061\n団体\n1,071 …"); a row label may wrap too ("自治体\n数").
 */
function columnSeries(ctx: SlideContext, lines: Located[]): Series[] {
  const out: Series[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = YEAR_HEADER.exec(lines[i]!.text.trim());
    if (!header) continue;
    const labels = header[2]!.trim().split(/\s+(?=(?:令和|平成|昭和)?\s*(?:元|\d))/).map((s) => s.replace(/\s+/g, ''));
    const years = resolveYears(labels, ctx.fiscalYear);
    if (!years) continue;
    let pendingLabel = '';
    let row: { label: string; values: { printed: string; value: number; unit: string | null; start: number; end: number }[] } | null = null;
    const finish = () => {
      if (row && row.values.length === years.length) out.push(toSeries(ctx, row.label, row.values, labels, years));
      row = null;
    };
    for (let k = i + 1; k < lines.length; k++) {
      const t = lines[k]!.text.trim();
      if (t === '' || UNIT_ONLY.test(t)) continue;
      const lead = lines[k]!.text.indexOf(t);
      const firstNum = t.search(/\d/);
      if (firstNum === -1) {
        if (row && row.values.length < years.length) break;
        finish();
        if (t.length <= 6) {
          pendingLabel += t;
          continue;
        }
        break;
      }
      const label = t.slice(0, firstNum).trim();
      if (label && /^※/.test(label)) break;
      if (label) {
        finish();
        row = { label: (pendingLabel + label).replace(/\s+/g, ''), values: [] };
        pendingLabel = '';
      }
      if (!row) break;
      for (const v of t.slice(firstNum).matchAll(VALUE)) {
        const value = parseNumber(v[1]!);
        if (value === null) continue;
        const start = lines[k]!.offset + lead + firstNum + v.index!;
        row.values.push({ printed: v[0].trim(), value, unit: v[2] ?? null, start, end: start + v[0].trimEnd().length });
      }
      if (row.values.length >= years.length) finish();
    }
    finish();
  }
  return out;
}

/** "平成27年度 16,687 7,593 206" rows under a header naming the columns ("来場者数（人）" …). */
function rowSeries(ctx: SlideContext, lines: Located[]): Series[] {
  const rows: { li: number; yearLabel: string; cells: { printed: string; start: number }[] }[] = [];
  lines.forEach((l, li) => {
    const t = l.text.trim();
    const m = ROW_YEAR.exec(t);
    if (!m) return;
    const lead = l.text.indexOf(t);
    const cells = [...m[2]!.matchAll(/\d[\d,]*/g)].map((c) => ({ printed: c[0], start: l.offset + lead + m[1]!.length + t.slice(m[1]!.length).indexOf(m[2]!) + c.index! }));
    rows.push({ li, yearLabel: m[1]!.replace(/\s+/g, ''), cells });
  });
  if (rows.length < 3) return [];
  const width = rows[0]!.cells.length;
  if (!rows.every((r) => r.cells.length === width)) return [];
  const years = rows.map((r) => parseEraYear(r.yearLabel.replace(/度$/, '')));
  if (years.some((y) => !y)) return [];
  const columns = columnNames(lines, rows[0]!.li, width);
  return columns.map((col, c) => ({
    id: '',
    program: ctx.program, block: null,
    slide: ctx.slide.index,
    label: col.name,
    unit: col.unit,
    points: rows.map((r, k) => {
      const cell = r.cells[c]!;
      return { fiscalYear: years[k]!.year, yearLabel: r.yearLabel, value: parseNumber(cell.printed) ?? NaN, printed: cell.printed, at: ctx.span.locate(cell.start, cell.start + cell.printed.length) };
    }),
    at: ctx.span.locate(rows[0]!.cells[c]!.start, rows.at(-1)!.cells[c]!.start + rows.at(-1)!.cells[c]!.printed.length),
  }));
}

/** Column names and units from the header lines above the first row: "来場者数 （人） あっせん件数 （件） …". */
function columnNames(lines: Located[], firstRow: number, width: number): { name: string; unit: string | null }[] {
  const tokens: string[] = [];
  for (let k = firstRow - 1; k >= 0 && k >= firstRow - 12; k--) {
    const t = lines[k]!.text.trim();
    if (!t) continue;
    tokens.unshift(...t.split(/\s+/));
    if (/年度/.test(t)) break;
  }
  const names: { name: string; unit: string | null }[] = [];
  for (const tok of tokens) {
    const unit = /^[（(]([^）)]+)[）)]$/.exec(tok);
    if (unit && names.length) names.at(-1)!.unit = unit[1]!;
    else if (!/年度$/.test(tok) && !unit) names.push({ name: tok, unit: null });
  }
  const picked = names.slice(-width);
  while (picked.length < width) picked.unshift({ name: `列${picked.length + 1}`, unit: null });
  return picked;
}

function resolveYears(labels: string[], fiscalYear: number): { year: number }[] | null {
  if (labels.every((l) => /^(令和|平成|昭和)/.test(l))) {
    const explicit = labels.map((l) => parseEraYear(l.replace(/度$/, '')));
    return explicit.every(Boolean) ? (explicit as { year: number }[]) : null;
  }
  // Years without an era: the series ends before the edition's fiscal year, in its era.
  const seq = inferEraSequence(labels, toEraYear(fiscalYear - 1).era);
  return seq;
}

function toSeries(
  ctx: SlideContext,
  label: string,
  values: { printed: string; value: number; unit: string | null; start: number; end: number }[],
  labels: string[],
  years: { year: number }[],
): Series {
  const units = values.map((v) => v.unit).filter((u): u is string => u !== null);
  const unit = units.length ? mostCommon(units) : null;
  return {
    id: '',
    program: ctx.program, block: null,
    slide: ctx.slide.index,
    label,
    unit,
    points: values.map((v, i) => ({ fiscalYear: years[i]!.year, yearLabel: labels[i]!, value: v.value, printed: v.printed, at: ctx.span.locate(v.start, v.end) })),
    at: ctx.span.locate(values[0]!.start, values.at(-1)!.end),
  };
}

function mostCommon(xs: string[]): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}
