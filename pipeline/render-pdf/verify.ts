import type { PageKeys, PageReadings } from './page-readings.ts';
import { pageTexts, readDocument, withLazyPdf, type OutlineEntry } from './pdf-read.ts';
import type { BlockedRequest } from './request-guard.ts';
import { lowerRoman } from './toc-pages.ts';
import { escapeRegExp } from '../lib/regexp.ts';

export type VerificationCheck = 'pages' | 'program-title' | 'phone' | 'outline' | 'cover' | 'edition' | 'toc' | 'labels' | 'fonts' | 'requests' | 'internal';

/** One thing a written pack would get wrong, with the pack it is in. */
export interface VerificationProblem {
  pack: string;
  path: string;
  check: VerificationCheck;
  message: string;
}

export interface VerificationResult {
  ok: boolean;
  packs: number;
  pages: number;
  problems: VerificationProblem[];
}

/** What a pack must show, from the briefing and from what the renderer printed in its table of contents. */
export interface PackExpectation {
  pack: string;
  path: string;
  programs: readonly { no: string; name: string }[];
  phones: readonly string[];
  /** what the cover must name: the prefecture, or 全国版; null for a part without a cover (the body) */
  coverText: string | null;
  /** the top-level bookmarks, in order (expectedOutline) */
  outline: readonly string[];
  /** the edition every page but the cover names in its footer (全国版, 千葉県版); checked on the pages read */
  edition?: string;
  /** the pages are labelled: i, ii … then 1, 2 … (default true) */
  labelled?: boolean;
  /**
   * The pages whose text is read, given the page labels; default all. Program titles and phones
   * are looked for in a whole reading only: a pack assembled from a body read whole reads its
   * own pages and those where the body begins and ends.
   */
  textPages?: (labels: readonly string[]) => number[];
  /** readings of earlier runs, and the content hash of each page of this PDF (pageKeys): a page read before is not read again */
  reading?: { store: PageReadings; keys: PageKeys };
  /** the page label the table of contents (and the mentions) print for each anchor: ii, 12 */
  tocPages: ReadonlyMap<string, string>;
  /** every anchor the contents and the mentions link to: each must have a page printed */
  anchors?: readonly string[];
  /** loads the page attempted and was refused */
  blocked: readonly BlockedRequest[];
  /** what only the staff read and a pack must never print: check and rule ids, the source checksum */
  internal: readonly string[];
}

/** A line number of the source, as a staff report cites it: no reader needs it. */
const LINE_REFERENCE = /\d+行目/;

/** Chromium splits and spaces text runs as it likes; compare without any whitespace. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

const RADICALS = /[\u2e80-\u2fdf]/;

/**
 * Reads a pack back with pdfjs, as a reader's viewer would, and lists what is wrong: no pages; a
 * program title or a contact phone missing from the text; an outline that is not one entry per
 * program in order (plus 目次, 付録 and 連絡先一覧), titled "1 地域おこし協力隊"; a cover without its recipient; no page labels,
 * or labels that are not i, ii … then 1, 2 …; a table of contents whose page numbers are not the
 * labels of the pages its links lead to; text read as radicals (a font other than the served one); refused loads;
 * anything of internal QA (a check id, a rule id, a source line number, the source's checksum).
 * With `reading`, the text of a page whose bytes an earlier run read comes from there.
 */
export async function verifyPack(pdf: Uint8Array, expected: PackExpectation): Promise<{ pages: number; problems: VerificationProblem[] }> {
  const problems: VerificationProblem[] = [];
  const problem = (check: VerificationCheck, message: string) => problems.push({ pack: expected.pack, path: expected.path, check, message });
  let pages = 0;
  try {
    await withLazyPdf(pdf, async (open) => {
      // what the document reads as besides its pages, taken when an earlier run read one with the same key
      const document = expected.reading ? await expected.reading.store.document(open, expected.reading.keys) : await readDocument(await open());
      pages = document.pages;
      if (pages === 0) return problem('pages', 'the PDF has no pages');
      const labels = document.labels;
      const numbers = expected.textPages ? expected.textPages(labels) : undefined;
      // items apart, for the footers (a page number must not run into the figure before it); compact for the rest
      // keys for other pages than pdfjs finds (a page lost or added on the way) take nothing: every page is read
      const reading = expected.reading?.keys.count === pages ? expected.reading : undefined;
      if (expected.reading && !reading) problem('pages', `the PDF has ${pages} pages, its page tree as assembled ${expected.reading.keys.count}`);
      const items = reading ? await reading.store.texts(open, numbers ?? Array.from({ length: pages }, (_, i) => i + 1), reading.keys) : await pageTexts(await open(), numbers, '\n');
      const texts = items.map(compact);
      const all = texts.join('');
      if (!numbers) {
        for (const p of expected.programs) if (!all.includes(compact(p.name))) problem('program-title', `program ${p.no} "${p.name}" is not in the text`);
        for (const phone of expected.phones) if (!all.includes(phone)) problem('phone', `contact phone ${phone} is not in the text`);
      }
      const pageNumbers = numbers ?? texts.map((_, i) => i + 1);
      if (expected.coverText !== null && (pageNumbers[0] !== 1 || !texts[0]!.includes(compact(expected.coverText)))) problem('cover', `the cover (page 1) does not name "${expected.coverText}"`);
      footerProblems(items, pageNumbers, labels, expected.coverText !== null).forEach((m) => problem('labels', m));
      if (expected.edition) {
        const unnamed = pageNumbers.filter((n, i) => n > 1 && !texts[i]!.includes(compact(expected.edition!)));
        if (unnamed.length > 0) problem('edition', `page ${unnamed.join(', ')} does not name the edition "${expected.edition}" in its footer`);
      }
      for (const word of expected.internal) if (all.includes(compact(word))) problem('internal', `the pack prints "${word}", which is for the staff's report only`);
      const lineRef = LINE_REFERENCE.exec(all);
      if (lineRef) problem('internal', `the pack prints a source line number ("${lineRef[0]}")`);
      const radical = RADICALS.exec(all);
      if (radical) problem('fonts', `the text reads the radical "${radical[0]}" where an ideograph was printed: a font other than the served Noto Sans JP was used`);
      checkOutline(document.outline, expected, problem);
      const labelProblem = expected.labelled === false ? null : labelSequenceProblem(labels, pages);
      if (labelProblem) problem('labels', labelProblem);
      const destinations = new Map(document.destinations);
      for (const anchor of expected.anchors ?? []) if (!expected.tocPages.has(anchor)) problem('toc', `the table of contents prints no page for #${anchor}`);
      for (const [anchor, printed] of expected.tocPages) {
        const page = destinations.get(anchor);
        const actual = page === undefined ? undefined : labels[page - 1];
        if (actual !== printed) problem('toc', `the table of contents gives page ${printed} for #${anchor}, its link leads to ${page === undefined ? 'no page' : `page ${page} (labelled ${actual ?? 'nothing'})`}`);
      }
    });
  } catch (err) {
    problem('pages', `pdfjs cannot read the PDF: ${(err as Error).message}`);
  }
  for (const b of expected.blocked) problem('requests', `the page tried to load ${b.url} (${b.reason})`);
  return { pages, problems };
}

/** A page label of the body (1, 2 …), not of the front matter (i, ii …). */
export const ARABIC = /^\d+$/;

/**
 * The pages read whose footer does not print the number their label says: "ii" on a page of the
 * front matter, "12 / 85" on one of the body (a PDF without labels — the body alone — is numbered
 * by its pages). The cover prints none. `texts` hold each page's text items one per line.
 */
export function footerProblems(texts: readonly string[], pageNumbers: readonly number[], labels: readonly string[], cover: boolean): string[] {
  const total = labels.length > 0 ? labels.filter((l) => ARABIC.test(l)).length : Math.max(0, ...pageNumbers);
  return pageNumbers.flatMap((n, i) => {
    if (n === 1 && cover) return [];
    const label = labels.length > 0 ? labels[n - 1] : String(n);
    if (label === undefined) return [`page ${n} has no label`];
    const literal = escapeRegExp(label);
    const printed = ARABIC.test(label) ? new RegExp(`(?<!\\d)${literal}\\s*/\\s*${total}(?!\\d)`) : new RegExp(`(?<![a-z])${literal}(?![a-z])`);
    return printed.test(texts[i]!) ? [] : [`page ${n} does not print its number ${ARABIC.test(label) ? `${label} / ${total}` : label} in its footer`];
  });
}

/**
 * Why a pack's page labels are wrong, or null: one per page, the front matter's i, ii … and then
 * the body's 1, 2 …, each part counted from its first page.
 */
export function labelSequenceProblem(labels: readonly string[], pages: number): string | null {
  if (labels.length !== pages) return `the PDF labels ${labels.length} of its ${pages} pages`;
  const front = labels.findIndex((l) => ARABIC.test(l));
  const expected = labels.map((_, i) => (front === -1 || i < front ? lowerRoman(i + 1) : String(i - front + 1)));
  const wrong = labels.findIndex((l, i) => l !== expected[i]);
  return wrong === -1 ? null : `page ${wrong + 1} is labelled "${labels[wrong]}", expected "${expected[wrong]}"`;
}

/** The bookmarks of a pack, one level: 目次, (貴団体に関係する記載), (前年度からの主な変更点), "1 地域おこし協力隊" … one per program, 付録, 連絡先一覧. */
export function expectedOutline(programs: readonly { no: string; name: string }[], prefecture: boolean, changes = false): string[] {
  return ['目次', ...(prefecture ? ['貴団体に関係する記載'] : []), ...(changes ? ['前年度からの主な変更点'] : []), ...programs.map((p) => `${p.no} ${p.name}`), '付録\u3000予算・財政措置一覧', '連絡先一覧'];
}

function checkOutline(outline: readonly OutlineEntry[], expected: PackExpectation, problem: (check: VerificationCheck, message: string) => void): void {
  const titles = expected.outline;
  if (outline.length !== titles.length) {
    problem('outline', `the outline has ${outline.length} top-level entries, expected ${titles.length}: ${titles.length > 3 ? `${titles.slice(0, 2).join(', ')} … ${titles.at(-1)}` : titles.join(', ')}`);
    return;
  }
  titles.forEach((title, i) => {
    if (outline[i]!.title.replace(/\s+/g, ' ').trim() !== title.replace(/\s+/g, ' ')) problem('outline', `outline entry ${i + 1} is "${outline[i]!.title}", expected "${title}"`);
    if (outline[i]!.children > 0) problem('outline', `outline entry "${title}" has ${outline[i]!.children} entries under it; the outline has one level`);
  });
}

/** The packs' results, and the problems of what they share (the body, read once for all of them). */
export function verificationResult(results: readonly { pages: number; problems: VerificationProblem[] }[], shared: readonly VerificationProblem[] = []): VerificationResult {
  const problems = [...shared, ...results.flatMap((r) => r.problems)];
  return { ok: problems.length === 0, packs: results.length, pages: results.reduce((n, r) => n + r.pages, 0), problems };
}
