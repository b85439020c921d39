import PDFDocument from 'pdfkit';
import { FONT_FILES } from '../../pipeline/render-pdf/fonts.ts';

const FONT = FONT_FILES.regular;
/** The layout of every slide-deck fixture: 6 pt text, 9 pt lines, table cells 30 pt apart. */
export const FONT_SIZE = 6;
export const LEADING = 9;
export const CELL_GAP = 30;

/**
 * The cells of a line of the text extraction as a page shows them: without the page-break
 * marker on the page's first line (on a PDF page the page is the break), private-use bullets as
 * ●, split at the tabs.
 */
export function lineCells(line: string, first: boolean): string[] {
  return (first ? line.replace(/^ /, '') : line).replace(/[\ue000-\uf8ff]/g, '●').split('\t');
}

/**
 * Lay out an extracted-text briefing as a PDF, one page per slide, so that the PDF ingest can be
 * tested against the text it came from. Tabs become cells set apart by a wide gap; blank lines
 * become vertical space; the page-break marker (a leading space) is the page itself.
 */
export function textToPdf(pages: string[][]): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, compress: true, info: { Title: 'briefing fixture' } });
  doc.registerFont('jp', FONT);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const lines of pages) {
    const width = 900;
    const height = Math.max(200, (lines.length + 4) * LEADING);
    doc.addPage({ size: [width, height], margin: 20 });
    doc.font('jp').fontSize(FONT_SIZE);
    lines.forEach((raw, i) => {
      const cells = lineCells(raw, i === 0);
      if (cells.join('').trim() === '') return;
      let x = 20;
      for (const cell of cells) {
        if (cell !== '') {
          doc.text(cell, x, 20 + i * LEADING, { lineBreak: false });
          x += doc.widthOfString(cell);
        }
        x += CELL_GAP;
      }
    });
  }
  doc.end();
  return done;
}
