import { pageLines, type PageLine, type PdfDocument } from '../../pipeline/render-pdf/pdf-read.ts';

const squeeze = (s: string) => s.replace(/\s+/g, '');
const count = (text: string, needle: string) => text.split(needle).length - 1;

/**
 * The texts (amounts, phone numbers) that a reader finds cut over two lines: more occurrences in
 * the text of the pages run together than within single lines. Texts absent altogether are
 * reported too, as "absent: …".
 */
export function cutTexts(pages: readonly PageLine[][], texts: Iterable<string>): string[] {
  const lines = pages.flat().map((l) => squeeze(l.text));
  const joined = lines.join('');
  const cut: string[] = [];
  for (const text of new Set(texts)) {
    const needle = squeeze(text);
    const whole = lines.reduce((n, l) => n + count(l, needle), 0);
    const all = count(joined, needle);
    if (all === 0) cut.push(`absent: ${text}`);
    else if (all > whole) cut.push(text);
  }
  return cut;
}

/** Headings print at 10.5 pt or more (section 15 pt, slide titles 11 pt); body text at 9.5 pt or less. */
export const HEADING_SIZE = 10.5;

/**
 * Pages a reader would find (nearly) empty or cut wrong, by number: fewer than three lines
 * between the running header and the footer; nothing but headings and 出典 lines; or a heading
 * (or a caption, or a table's header row: `captions`) as the last line, cut from what it heads. `allowed` lists the pages that may be short (the
 * cover, the end of a section), with the reason.
 */
export function badPages(pages: readonly PageLine[][], allowed: ReadonlyMap<number, string>, captions: readonly RegExp[] = []): string[] {
  const bad: string[] = [];
  pages.forEach((lines, i) => {
    const page = i + 1;
    if (allowed.has(page)) return;
    const body = lines.slice(1, -1);
    // a heading by its size, or a caption or table header row by its text: they lead what follows
    const heading = (l: PageLine) => l.largest >= HEADING_SIZE || captions.some((c) => c.test(l.text.trim()));
    const source = (l: PageLine) => /^[（(]?出典/.test(l.text.trim());
    if (body.length < 3) bad.push(`page ${page}: ${body.length} lines`);
    else if (body.every((l) => heading(l) || source(l))) bad.push(`page ${page}: only headings and sources`);
    else if (heading(body.at(-1)!)) bad.push(`page ${page}: ends with the heading 「${body.at(-1)!.text.trim()}」`);
  });
  return bad;
}

/**
 * The text of the pack as one run in the order it is drawn (a table cell's lines stay together),
 * without each page's running header and footer: the baselines of its first and last line.
 */
export async function bodyText(doc: PdfDocument): Promise<string> {
  const lines = await pageLines(doc);
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const margins = [lines[p - 1]![0], lines[p - 1]!.at(-1)].flatMap((l) => (l ? [l.y] : []));
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item && !margins.some((y) => Math.abs(item.transform[5] - y) < 2)) parts.push(item.str);
    page.cleanup();
  }
  return parts.join('');
}
