import type { TableBlock, TableCell } from '../../../schemas/content.ts';
import type { NormalizedLine } from '../normalize.ts';
import { mapChars } from '../normalize-chars.ts';
import type { SheetBlock } from '../segment.ts';
import { Span } from '../span.ts';

/**
 * The phonetic readings a spreadsheet keeps beside its cells and the text dump prints after them
 * ("（内閣府） ナイカクフ", "未公表 121団体 コウカ コウヒョウ …"): katakana words after the text.
 * They are not text of the slide, so they are left out of the cells.
 */
const READINGS = /(?<=\S)(?:[ \u3000]+[\p{Script=Katakana}ー]{2,})+[ \u3000]*$/u;
const READING_LINE = /^[ \u3000]*[\p{Script=Katakana}ー]{2,}(?:[ \u3000]+[\p{Script=Katakana}ー]{2,})+[ \u3000]*$/u;

/** A cell's text without its readings; a line of readings only is dropped. */
export function withoutReadings(text: string): string {
  return text
    .split('\n')
    .filter((line) => !READING_LINE.test(line))
    .map((line) => line.replace(READINGS, '').replace(/[ \u3000]{2,}/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

interface GridCell {
  text: string;
  start: number;
  end: number;
}

function cellLine(line: NormalizedLine): NormalizedLine {
  const mapped = mapChars(line.raw);
  return { ...line, text: mapped.chars.join(''), start: mapped.start, end: mapped.end };
}

/**
 * An embedded spreadsheet the extraction dumped several times (加工用 (2), 加工用, 元データ, 原本):
 * one table from its first copy, cells split at tabs; a line without a leading tab continues the
 * cell before it (a cell holding line breaks). The other copies are listed, not shown again.
 */
export function sheetTable(copies: readonly SheetBlock[]): Omit<TableBlock, 'id'> | null {
  const canonical = copies[0];
  if (!canonical) return null;
  if (canonical.lines.length < 2) return null;
  // characters repaired, but no letter spacing collapsed: the spaces part a cell from its readings
  const lines = canonical.lines.map(cellLine);
  const spanOf = new Span(lines);
  const grid: GridCell[][] = [];
  let row: GridCell[] | null = null;
  let offset = 0;
  for (const [k, line] of lines.entries()) {
    const lineStart = offset;
    offset += line.text.length + 1;
    if (k === 0 || line.text.trim() === '') {
      row = null;
      continue;
    }
    const parts = line.text.split('\t');
    let pos = lineStart;
    parts.forEach((part, k) => {
      const at = { text: part, start: pos, end: pos + part.length };
      pos += part.length + 1;
      if (k === 0 && row && !line.text.startsWith('\t')) {
        const last = row.at(-1)!;
        last.text = `${last.text}\n${part}`;
        last.end = at.end;
      } else {
        if (k === 0) {
          row = [];
          grid.push(row);
        }
        row!.push(at);
      }
    });
  }
  const cells = grid.map((r) => r.map((c) => ({ text: withoutReadings(c.text), c })));
  const width = Math.max(...cells.map((r) => r.length));
  const used = Array.from({ length: width }, (_, k) => cells.some((r) => (r[k]?.text ?? '') !== ''));
  const rows: TableCell[][] = cells
    .filter((r) => r.some((c) => c.text !== ''))
    .map((r) => used.flatMap((keep, k) => (keep ? [r[k] && r[k]!.text !== '' ? { text: r[k]!.text, at: spanOf.locate(r[k]!.c.start, r[k]!.c.end) } : { text: '', at: null }] : [])));
  if (rows.length === 0) return null;
  return {
    kind: 'table',
    role: 'sheet',
    header: [],
    rows,
    series: [],
    copies: copies.slice(1).map((c) => ({ label: c.label, startLine: c.lines[0]!.no, endLine: c.lines.at(-1)!.no })),
    at: spanOf.locate(0, spanOf.text.length),
  };
}
