import { InputError } from '../lib/errors.ts';
import { PDFJS_OPTIONS, loadPdfjs } from '../lib/pdfjs.ts';

/** A PDF briefing is ~70 pages; refuse absurd ones before reading them. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;
export const MAX_PDF_PAGES = 2000;
const MAX_BLANK_LINES = 40;

export interface PdfText {
  /** the text of every page, lines in reading order; each page starts with the page marker (one space) */
  text: string;
  /** PDF page number of every line of `text` */
  pages: number[];
  pageCount: number;
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Read the text layer of a PDF page by page, in reading order: items are grouped into lines by
 * their baseline, sorted left to right; a wide gap becomes a tab (a table cell), vertical gaps
 * become blank lines, as in a text extraction.
 */
export async function readPdfText(bytes: Uint8Array, file: string): Promise<PdfText> {
  if (bytes.length > MAX_PDF_BYTES) {
    throw new InputError(`the PDF is ${bytes.length} bytes; the limit is ${MAX_PDF_BYTES}`, { file, ruleId: 'ingest-too-large' });
  }
  const pdfjs = await loadPdfjs();
  let doc;
  try {
    doc = await pdfjs.getDocument({ ...PDFJS_OPTIONS, data: new Uint8Array(bytes) }).promise;
  } catch (cause) {
    throw new InputError(`not a readable PDF: ${(cause as Error).message}`, { file, ruleId: 'ingest-pdf', cause });
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new InputError(`the PDF has ${doc.numPages} pages; the limit is ${MAX_PDF_PAGES}`, { file, ruleId: 'ingest-too-large' });
    }
    const lines: string[] = [];
    const pages: number[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      let content;
      try {
        const page = await doc.getPage(p);
        content = await page.getTextContent();
        page.cleanup();
      } catch (cause) {
        throw new InputError(`page ${p} cannot be read: ${(cause as Error).message}`, { file, ruleId: 'ingest-pdf', cause });
      }
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: Math.abs(it.height) || Math.abs(it.transform[3]) || 10 });
      }
      const pageLines = toLines(items);
      if (pageLines.length === 0) pageLines.push('');
      let first = true;
      for (const line of pageLines) {
        lines.push(first && line.trim() !== '' ? ' ' + line.trimStart() : line);
        if (line.trim() !== '') first = false;
        pages.push(p);
      }
    }
    return { text: lines.join('\n'), pages, pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

function toLines(items: Item[]): string[] {
  if (items.length === 0) return [];
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { y: number; height: number; items: Item[] }[] = [];
  for (const it of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row.y - it.y) <= Math.min(row.height, it.height) * 0.4) row.items.push(it);
    else rows.push({ y: it.y, height: it.height, items: [it] });
  }
  const gaps = rows.slice(1).map((r, i) => rows[i]!.y - r.y).sort((a, b) => a - b);
  const heights = rows.map((r) => r.height).sort((a, b) => a - b);
  // One line's advance: the usual gap between rows, but never more than a line of the usual font
  // set at 1.5: on a page whose lines mostly stand apart (a text with blank lines between them),
  // the usual gap is two lines, and each of those blank lines must come out as one.
  const lineAdvance = heights[Math.floor(heights.length / 2)]! * 1.5;
  const leading = gaps.length ? Math.min(gaps[Math.floor(gaps.length / 2)]!, lineAdvance) : 0;
  const out: string[] = [];
  rows.forEach((row, i) => {
    if (i > 0 && leading > 0) {
      const blanks = Math.min(MAX_BLANK_LINES, Math.round((rows[i - 1]!.y - row.y) / leading) - 1);
      for (let k = 0; k < blanks; k++) out.push('');
    }
    row.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const it of row.items) {
      const em = it.height;
      const gap = it.x - end;
      if (text !== '' && gap > em * 1.5) text += '\t';
      else if (text !== '' && gap > em * 0.2) text += ' ';
      text += it.str;
      end = it.x + it.width;
    }
    out.push(text.replace(/\s+$/, ''));
  });
  return out;
}
