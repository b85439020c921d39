import { InputError } from '../lib/errors.ts';
import { PDFJS_OPTIONS, loadPdfjs } from '../lib/pdfjs.ts';
import { indexObjects, markedContentTexts, withActualText } from './pdf/actual-text.ts';
import { drawnLetters } from './pdf/drawn-spaces.ts';
import { findGrids } from './pdf/grids.ts';
import { pageRules, readingView, shifted, textRuns, type LinePlace } from './pdf/page-items.ts';
import { readingOrder } from './pdf/reading-order.ts';

/** A PDF briefing is ~70 pages; refuse absurd ones before reading them. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;
export const MAX_PDF_PAGES = 2000;

export interface PdfText {
  /** the text of every page, lines in reading order; each page starts with the page marker (one space) */
  text: string;
  /** PDF page number of every line of `text` */
  pages: number[];
  /** where each line of `text` stands on its page (points, origin top left), with the boxes of its runs and cells; null for a blank line */
  boxes: (LinePlace | null)[];
  pageCount: number;
}

/**
 * Read the text layer of a PDF page by page — a page is a slide — in reading order: ruled tables
 * row by row, the rest in frames and columns (pipeline/parse/pdf/reading-order.ts); a tab between
 * a table's cells, blank lines between frames, as in a text extraction.
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
    const boxes: (LinePlace | null)[] = [];
    // marked content's /ActualText, read from the content streams when the file has any
    const objects = indexObjects(bytes);
    for (let p = 1; p <= doc.numPages; p++) {
      let pageLines;
      try {
        const page = await doc.getPage(p);
        // the page's own drawing: annotations (comments, form fields, stamps) are no part of the slide
        const [content, ops] = await Promise.all([page.getTextContent({ includeMarkedContent: true }), page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE })]);
        const view = readingView(page.getViewport({ scale: 1 }).transform, content.items, page.view);
        const items = withActualText(content.items as { type?: string; str?: string }[], page.ref && objects ? markedContentTexts(bytes, page.ref, objects) : null);
        const runs = textRuns(items, view, drawnLetters(ops.fnArray, ops.argsArray, pdfjs.OPS.showText));
        const grids = findGrids(pageRules(ops.fnArray, ops.argsArray, pdfjs.OPS as unknown as Record<string, number>, view));
        pageLines = readingOrder(runs, grids);
        page.cleanup();
      } catch (cause) {
        throw new InputError(`page ${p} cannot be read: ${(cause as Error).message}`, { file, ruleId: 'ingest-pdf', cause });
      }
      if (pageLines.length === 0) pageLines.push({ text: '', box: null });
      pageLines.forEach((line, k) => {
        // a page's first line starts with the page-break marker, a space that stands nowhere
        lines.push(k === 0 ? ' ' + line.text : line.text);
        pages.push(p);
        boxes.push(line.box && k === 0 ? { ...line.box, segments: shifted(line.box.segments, 1) } : line.box);
      });
    }
    return { text: lines.join('\n'), pages, boxes, pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
