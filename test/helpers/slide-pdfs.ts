import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findBrowser } from '../../pipeline/lib/browser-path.ts';
import { fontconfigXml } from '../../pipeline/render-pdf/browser.ts';
import { FONT_FILES } from '../../pipeline/render-pdf/fonts.ts';
import { textWidth } from '../../pipeline/render-excel/column-width.ts';
import { convertWithLibreOffice } from './libreoffice.ts';
import { CELL_GAP, FONT_SIZE, LEADING, lineCells } from './make-pdf.ts';
import { tempDir } from './temp.ts';

// The bundled text laid out as a slide deck, one slide per page, and turned into a PDF by the
// producers a ministry or a prefecture uses: Chromium's "print to PDF" and LibreOffice's export.
// Neither is told about this project: the plain Noto Sans JP font, no cmap repair, so the PDF has
// whatever text layer the producer writes (‧ for ・, ∕ for ／, radicals for kanji).

/** Text for HTML and XML: &, <, > and " escaped. */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cells = lineCells;

/** Chromium (headless, --print-to-pdf): an HTML page per slide, table cells set apart by a gap. */
export async function printWithChromium(slides: string[][]): Promise<Buffer> {
  const html =
    `<!doctype html><meta charset="utf-8"><style>` +
    `@font-face { font-family: Deck; src: url("${pathToFileURL(FONT_FILES.regular).href}"); }` +
    `@page { size: 420mm 900mm; margin: 10mm; } body { font-family: Deck; font-size: ${FONT_SIZE}px; line-height: ${LEADING}px; margin: 0; }` +
    `section { break-after: page; } section:last-child { break-after: auto; } p { margin: 0; white-space: pre; height: ${LEADING}px; } span { margin-right: ${CELL_GAP}px; }` +
    `</style>` +
    slides.map((lines) => `<section>${lines.map((l, i) => `<p>${cells(l, i === 0).map((c) => `<span>${esc(c)}</span>`).join('')}</p>`).join('')}</section>`).join('');
  return printHtmlWithChromium(html, 'chromium-deck');
}

/** A page of HTML printed by headless Chromium's --print-to-pdf, as a user of the browser would. */
export async function printHtmlWithChromium(html: string, name: string): Promise<Buffer> {
  const dir = tempDir(name);
  writeFileSync(join(dir, 'deck.html'), html);
  const browser = (await findBrowser()).path;
  const pdf = join(dir, 'deck.pdf');
  const run = spawnSync(browser, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--allow-file-access-from-files', `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(join(dir, 'deck.html')).href], {
    encoding: 'utf8',
    timeout: 120_000,
    // its own temporary files (its profile's singleton socket folder, which it does not always remove) in the test's folder, not the shared one
    env: { ...process.env, TMPDIR: dir },
  });
  if (run.status !== 0) throw new Error(`chromium --print-to-pdf failed: ${run.stderr.slice(-500)}`);
  return readFileSync(pdf);
}

/**
 * LibreOffice Calc (headless --convert-to pdf): a flat ODS with a sheet per slide, a row per line
 * and a cell per tab-separated field, each sheet printed on one page.
 */
export async function convertWithLibreOfficeCalc(slides: string[][]): Promise<Buffer> {
  const dir = tempDir('soffice-fonts');
  const fontsConf = join(dir, 'fonts.conf');
  writeFileSync(fontsConf, fontconfigXml(join(dir, 'cache')));
  const tables = slides.map((lines, s) => {
    const rows = lines.map((l, i) => cells(l, i === 0));
    const columns = Math.max(1, ...rows.map((r) => r.length));
    const widths = Array.from({ length: columns }, (_, c) => Math.max(2, ...rows.map((r) => Math.ceil(textWidth(r[c] ?? '')))));
    return (
      `<table:table table:name="Slide${s + 1}" table:style-name="ta">` +
      widths.map((w) => `<table:table-column table:style-name="co${w}"/>`).join('') +
      rows.map((r) => `<table:table-row>${r.map((c) => (c === '' ? '<table:table-cell/>' : `<table:table-cell office:value-type="string"><text:p>${esc(c)}</text:p></table:table-cell>`)).join('')}</table:table-row>`).join('') +
      `</table:table>`
    );
  });
  const columnWidths = [...new Set(tables.join('').match(/co\d+/g) ?? [])];
  const fods = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls><style:font-face style:name="Noto Sans JP" svg:font-family="'Noto Sans JP'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles><style:default-style style:family="table-cell"><style:text-properties style:font-name="Noto Sans JP" style:font-name-asian="Noto Sans JP" style:font-name-complex="Noto Sans JP" fo:font-size="8pt" style:font-size-asian="8pt"/></style:default-style></office:styles>
<office:automatic-styles>
<style:style style:name="ta" style:family="table" style:master-page-name="Slide"><style:table-properties table:display="true"/></style:style>
${columnWidths.map((c) => `<style:style style:name="${c}" style:family="table-column"><style:table-column-properties style:column-width="${(Number(c.slice(2)) * 0.16 + 0.3).toFixed(2)}cm"/></style:style>`).join('\n')}
<style:page-layout style:name="pl"><style:page-layout-properties fo:page-width="42cm" fo:page-height="59.4cm" style:print-orientation="portrait" style:scale-to-pages="1" fo:margin="1cm"/><style:header-style/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Slide" style:page-layout-name="pl"><style:header style:display="false"/><style:footer style:display="false"/></style:master-page></office:master-styles>
<office:body><office:spreadsheet>${tables.join('\n')}</office:spreadsheet></office:body>
</office:document>
`;
  const files = await convertWithLibreOffice(new TextEncoder().encode(fods), 'deck.fods', 'pdf', { FONTCONFIG_FILE: fontsConf });
  const pdf = [...files.values()][0]!;
  return Buffer.from(pdf);
}
