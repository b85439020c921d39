import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fontconfigXml } from '../../pipeline/render-pdf/browser.ts';
import { FONT_FILES } from '../../pipeline/render-pdf/fonts.ts';
import { convertWithLibreOffice } from './libreoffice.ts';
import { LEADING, SLIDE, cellPadding, layoutSlide, type Frame, type SlideLayout } from './slide-layout.ts';
import { esc, printHtmlWithChromium } from './slide-pdfs.ts';
import { tempDir } from './temp.ts';

// The slide layouts of test/helpers/slide-layout.ts drawn by two producers a ministry uses: HTML
// with absolutely positioned boxes printed by Chromium, and a flat ODP (frames, text boxes, table
// shapes) exported to PDF by LibreOffice Impress. Neither knows this project: plain Noto Sans JP.

const pt = (n: number) => `${n.toFixed(2)}pt`;

/** Chromium (headless --print-to-pdf): a 16:9 page per slide, each frame an absolute box, tables ruled. */
export async function printSlidesWithChromium(slides: string[][]): Promise<Buffer> {
  const layouts = slides.map((s) => layoutSlide(s, { minRowHeight: 0, withoutSheetDumps: true }));
  const html =
    `<!doctype html><meta charset="utf-8"><style>` +
    `@font-face { font-family: Deck; src: url("${pathToFileURL(FONT_FILES.regular).href}"); }` +
    `@page { size: ${SLIDE.width}pt ${SLIDE.height}pt; margin: 0; } body { font-family: Deck; margin: 0; }` +
    `section { position: relative; width: ${SLIDE.width}pt; height: ${SLIDE.height}pt; break-after: page; page: slide; }` +
    `@page slide { size: ${SLIDE.width}pt ${SLIDE.height}pt; margin: 0; }` +
    layouts.map((l, i) => (l.height === SLIDE.height ? '' : `@page tall${i} { size: ${SLIDE.width}pt ${l.height}pt; margin: 0; } section.tall${i} { height: ${l.height}pt; page: tall${i}; }`)).join('') +
    `section:last-child { break-after: auto; } .f { position: absolute; } p, div { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }` +
    `h1 { position: absolute; margin: 0; font-weight: normal; white-space: pre; }` +
    `table { position: absolute; border-collapse: collapse; table-layout: fixed; } td { border: 0.75pt solid #444; vertical-align: top; }` +
    `</style>` +
    layouts.map((l, i) => htmlSlide(l, i)).join('');
  return printHtmlWithChromium(html, 'slides-chromium');
}

function htmlSlide(s: SlideLayout, index: number): string {
  const size = `font-size: ${pt(s.fontSize)}; line-height: ${LEADING};`;
  const title = s.title === '' ? '' : `<h1 style="left: ${pt(SLIDE.margin)}; top: ${pt(SLIDE.margin - 10)}; font-size: ${pt(s.titleSize)}">${esc(s.title)}</h1>`;
  const frames = s.frames.map((f) => {
    const box = `left: ${pt(f.x)}; top: ${pt(f.y)}; width: ${pt(f.width)}; ${size}`;
    if (f.kind === 'text') return `<div class="f" style="${box}">${f.lines.map((l) => `<p>${esc(l)}</p>`).join('')}</div>`;
    const cols = f.columns.map((w) => `<col style="width: ${pt(w)}">`).join('');
    const rows = f.rows.map((r) => `<tr>${r.map((cell) => `<td style="padding: ${pt(cellPadding(s.fontSize))}">${cell.map((l) => `<div>${esc(l)}</div>`).join('')}</td>`).join('')}</tr>`).join('');
    return `<table style="${box}">${cols}${rows}</table>`;
  });
  return `<section${s.height === SLIDE.height ? '' : ` class="tall${index}"`}>${title}${frames.join('')}</section>`;
}

/** LibreOffice Impress (headless --convert-to pdf): a flat ODP, a draw:page per slide with text frames and table shapes. */
export async function exportSlidesWithImpress(slides: string[][]): Promise<Buffer> {
  // LibreOffice 7.4 sets a table row no lower than about 0.65 cm, and a 35-column table's narrow
  // cells one character a line: the spreadsheet dumps do not fit a slide there, and are left out
  const layouts = slides.map((s) => layoutSlide(s, { minRowHeight: 18, withoutSheetDumps: true }));
  const sizes = [...new Set(layouts.flatMap((l) => [l.fontSize, l.titleSize]))];
  const columnWidths = [...new Set(layouts.flatMap((l) => l.frames.flatMap((f) => (f.kind === 'table' ? f.columns : []))))];
  const pStyle = (size: number) => `P${sizes.indexOf(size)}`;
  const coStyle = (w: number) => `co${columnWidths.indexOf(w)}`;
  const pages = layouts.map((s, i) => {
    const frame = (f: Frame) => `svg:x="${pt(f.x)}" svg:y="${pt(f.y)}" svg:width="${pt(f.width)}" svg:height="${pt(f.height)}"`;
    const title = s.title === '' ? '' : `<draw:frame draw:style-name="gr" svg:x="${pt(SLIDE.margin)}" svg:y="${pt(SLIDE.margin - 12)}" svg:width="${pt(SLIDE.width - 2 * SLIDE.margin)}" svg:height="${pt(SLIDE.titleHeight)}"><draw:text-box><text:p text:style-name="${pStyle(s.titleSize)}">${odfText(s.title)}</text:p></draw:text-box></draw:frame>`;
    const body = s.frames.map((f) => {
      if (f.kind === 'text') return `<draw:frame draw:style-name="gr" ${frame(f)}><draw:text-box>${f.lines.map((l) => `<text:p text:style-name="${pStyle(s.fontSize)}">${odfText(l)}</text:p>`).join('')}</draw:text-box></draw:frame>`;
      const columns = f.columns.map((w) => `<table:table-column table:style-name="${coStyle(w)}"/>`).join('');
      const rows = f.rows.map((r) => `<table:table-row table:style-name="ro${sizes.indexOf(s.fontSize)}">${r.map((cell) => `<table:table-cell table:style-name="ce${sizes.indexOf(s.fontSize)}">${(cell.length ? cell : ['']).map((l) => `<text:p text:style-name="${pStyle(s.fontSize)}">${odfText(l)}</text:p>`).join('')}</table:table-cell>`).join('')}</table:table-row>`).join('');
      return `<draw:frame draw:style-name="gr" ${frame(f)}><table:table>${columns}${rows}</table:table></draw:frame>`;
    });
    return `<draw:page draw:name="slide${i + 1}" draw:master-page-name="Slide">${title}${body.join('')}</draw:page>`;
  });
  const font = `style:font-name="Noto Sans JP" style:font-name-asian="Noto Sans JP" style:font-name-complex="Noto Sans JP"`;
  const fodp = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:font-face-decls><style:font-face style:name="Noto Sans JP" svg:font-family="'Noto Sans JP'"/></office:font-face-decls>
<office:styles><style:default-style style:family="graphic"><style:text-properties ${font}/></style:default-style></office:styles>
<office:automatic-styles>
<style:page-layout style:name="PM"><style:page-layout-properties fo:margin="0pt" fo:page-width="${pt(SLIDE.width)}" fo:page-height="${pt(Math.max(...layouts.map((l) => l.height)))}" style:print-orientation="landscape"/></style:page-layout>
<style:style style:name="dp" style:family="drawing-page"/>
<style:style style:name="gr" style:family="graphic"><style:graphic-properties draw:stroke="none" draw:fill="none" draw:auto-grow-height="false" draw:auto-grow-width="false" fo:min-height="0pt" fo:padding="0pt" draw:textarea-vertical-align="top" fo:wrap-option="wrap"/></style:style>
${sizes.map((size) => `<style:style style:name="ce${sizes.indexOf(size)}" style:family="table-cell"><style:graphic-properties draw:fill="none"/><style:paragraph-properties fo:border="0.75pt solid #444444" fo:padding-top="${pt(cellPadding(size))}" fo:padding-bottom="${pt(cellPadding(size))}" fo:padding-left="${pt(cellPadding(size))}" fo:padding-right="${pt(cellPadding(size))}"/><style:text-properties ${font} fo:font-size="${pt(size)}" style:font-size-asian="${pt(size)}" style:font-size-complex="${pt(size)}"/></style:style>`).join('\n')}
${sizes.map((size) => `<style:style style:name="ro${sizes.indexOf(size)}" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="false" style:min-row-height="${pt(size * LEADING + 2 * cellPadding(size))}" style:row-height="${pt(size * LEADING + 2 * cellPadding(size))}"/></style:style>`).join('\n')}
${columnWidths.map((w) => `<style:style style:name="${coStyle(w)}" style:family="table-column"><style:table-column-properties style:column-width="${pt(w)}"/></style:style>`).join('\n')}
${sizes.map((size) => `<style:style style:name="${pStyle(size)}" style:family="paragraph"><style:paragraph-properties fo:line-height="${pt(size * LEADING)}" fo:margin-top="0pt" fo:margin-bottom="0pt"/><style:text-properties ${font} fo:font-size="${pt(size)}" style:font-size-asian="${pt(size)}" style:font-size-complex="${pt(size)}"/></style:style>`).join('\n')}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Slide" style:page-layout-name="PM" draw:style-name="dp"/></office:master-styles>
<office:body><office:presentation>
${pages.join('\n')}
</office:presentation></office:body>
</office:document>
`;
  const dir = tempDir('impress-fonts');
  const fontsConf = join(dir, 'fonts.conf');
  writeFileSync(fontsConf, fontconfigXml(join(dir, 'cache')));
  const files = await convertWithLibreOffice(new TextEncoder().encode(fodp), 'deck.fodp', 'pdf:impress_pdf_Export', { FONTCONFIG_FILE: fontsConf });
  return Buffer.from([...files.values()][0]!);
}

/** Text for a text:p: runs of spaces as text:s (XML would fold them), the rest escaped. */
function odfText(line: string): string {
  return line.replace(/ {2,}|^ |\t|[^ \t]+/g, (m) => (m === '\t' ? '<text:tab/>' : m.startsWith(' ') ? `<text:s text:c="${m.length}"/>` : esc(m)));
}
