import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');

const FONT_SIZE = 6;
const LEADING = 9;
const CELL_GAP = 30;

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
      const line = (i === 0 ? raw.replace(/^ /, '') : raw).replace(/[\ue000-\uf8ff]/g, '●');
      if (line.trim() === '') return;
      let x = 20;
      for (const cell of line.split('\t')) {
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
