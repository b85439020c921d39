import { escapeRegExp as escape } from '../../lib/regexp.ts';
import type { EmbeddedSheet } from '../../../schemas/briefing.ts';
import type { SheetVocabulary } from '../../../schemas/manifest.ts';
import { Span } from '../span.ts';
import { eraFromLetter, toWesternYear } from '../../units/era.ts';
import { parseNumber } from '../../units/number.ts';
import type { SlideContext } from './context.ts';

type Copy = EmbeddedSheet['copies'][number];

const YEAR_CELL = /^([RH])\s*(\d{1,2})$/;
const VALUE_CELL = /^(\d+(?:\.\d+)?)\s*%|^[ー－-]$/;
const NOTE = /※\s*(\d)\s*([RH]\d{1,2})の/;
/** The counts a sheet note prints, by the manifest's labels: 「公表済み 1,600団体」 (the longest spelling first). */
function countPattern(sheets: SheetVocabulary): { pattern: RegExp | null; labelOf: Map<string, string> } {
  const labelOf = new Map(sheets.counts.flatMap((c) => [c.label, ...(c.also ?? [])].map((spelling) => [spelling, c.label] as const)));
  const spellings = [...labelOf.keys()].sort((a, b) => b.length - a.length).map(escape);
  return { pattern: spellings.length ? new RegExp(`(${spellings.join('|')})\\s*(\\d[\\d,]*)\\s*${escape(sheets.countUnit)}`, 'g') : null, labelOf };
}
/** The note of counts that repeat earlier ones (chart labels), not figures of their own. */
export const REPEAT = '(repeat)';

/**
 * The copies of a spreadsheet the extraction dumped under 加工用 (2) / 加工用 / 元データ / 原本.
 * They are one table: each copy is read on its own so that the checks can compare them, and one
 * (the first) is canonical, so no figure is counted once per copy.
 */
export function extractSheets(ctx: SlideContext): EmbeddedSheet[] {
  if (ctx.slide.sheets.length === 0) return [];
  const counting = countPattern(ctx.sheets);
  const copies = ctx.slide.sheets.map((block) => readCopy(block.label, new Span(block.lines), counting));
  return [
    {
      id: `sheet-s${String(ctx.slide.index).padStart(2, '0')}-1`,
      slide: ctx.slide.index,
      program: ctx.program, block: null,
      canonical: copies[0]!.label,
      copies,
    },
  ];
}

function readCopy(label: string, span: Span, counting: ReturnType<typeof countPattern>): Copy {
  const rows: Copy['rows'] = [];
  const counts: Copy['counts'] = [];
  let note = '';
  let offset = 0;
  let row: Copy['rows'][number] | null = null;
  for (const line of span.lines) {
    const lineStart = offset;
    offset += line.text.length + 1;
    // Cells are tab-separated in a text dump; a PDF gives them back separated by spaces.
    const cells = [...line.text.matchAll(line.text.includes('\t') ? /[^\t]+/g : /\S+/g)].map((m) => ({ text: m[0].trim(), start: lineStart + m.index! + (m[0].length - m[0].trimStart().length) })).filter((c) => c.text);
    const yearIdx = cells.findIndex((c) => YEAR_CELL.test(c.text));
    if (yearIdx >= 0) {
      const m = YEAR_CELL.exec(cells[yearIdx]!.text)!;
      row = { yearLabel: `${m[1]}${m[2]}`, fiscalYear: toWesternYear(eraFromLetter(m[1]!)!, Number(m[2])), values: [] };
      rows.push(row);
      note = row.yearLabel;
    }
    const n = NOTE.exec(line.text);
    if (n) note = n[2]!;
    if (row) {
      for (const c of cells.slice(yearIdx >= 0 ? yearIdx + 1 : 0)) {
        const v = VALUE_CELL.exec(c.text);
        if (!v) continue;
        row.values.push({ printed: v[0], value: v[1] ? Number(v[1]) / 100 : null, at: span.locate(c.start, c.start + v[0].length) });
      }
    }
    for (const m of counting.pattern ? line.text.matchAll(counting.pattern) : []) {
      const start = lineStart + m.index!;
      const label = counting.labelOf.get(m[1]!)!;
      const value = parseNumber(m[2]!)!;
      // Chart labels repeat a footnote's counts further down the dump, under no note of their
      // own: a label seen again under the same note is such a repeat, kept apart from the notes.
      const repeat = counts.some((c) => c.note === note && c.label === label) || note === REPEAT;
      if (repeat) note = REPEAT;
      counts.push({ note, label, value, at: span.locate(start, start + m[0].length) });
    }
  }
  const lines = span.lines.map((l) => l.no);
  return { label, startLine: Math.min(...lines), endLine: Math.max(...lines), rows, counts };
}
