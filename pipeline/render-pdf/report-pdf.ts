import { ASSET_ORIGIN, assetUrls } from './assets.ts';
import type { BrowserChoice } from '../lib/browser-path.ts';
import { FONT_FAMILY } from './fonts.ts';
import { loadPdf, withObjectStreams, type LoadedPdf } from './assemble/index.ts';
import { joinParts } from './assemble/join.ts';
import { crossLinks, withCrossLinks } from './cross-links.ts';
import { inTurn, settledAll, type PrintedPdf } from './page-pool.ts';
import { pageKeys, PageReadings, readBackWhole } from './page-readings.ts';
import { normalizePdf } from './pdf-normalize.ts';
import type { KeptPrint, PrintStore } from './print-cache.ts';
import { PrintSession } from './print-session.ts';
import { DEFAULT_TIMEOUT_MS, type SharedBrowser } from './shared-browser.ts';
import { compact } from './verify.ts';

/** How the staff report prints with the pack's own fonts: @font-face on the served files, a policy that allows only them, and no filters. */
export function reportPrintOptions(origin = ASSET_ORIGIN): { fontCss: string; csp: string; print: true } {
  const urls = assetUrls(origin);
  const face = (url: string, weight: number) => `@font-face { font-family: "${FONT_FAMILY}"; src: url("${url}") format("truetype"); font-weight: ${weight}; font-style: normal; font-display: block; }`;
  return {
    fontCss: [face(urls.regular, 400), face(urls.bold, 700), `html { --report-font: "${FONT_FAMILY}"; font-synthesis: none; }`].join('\n'),
    csp: `default-src 'none'; style-src 'unsafe-inline'; font-src ${origin}; base-uri 'none'; form-action 'none'`,
    print: true,
  };
}

export interface PrintedReport {
  pdf: Uint8Array;
  pages: number;
  /** what reading the PDF back found wrong; empty when it is right */
  problems: string[];
  /** the prints of its parts, from the store or printed now, for the store of the next run */
  prints: KeptPrint[];
  /** how many of them the browser printed in this run */
  printed: number;
}

export interface ReportPrintOptions {
  generatedAt: string;
  browser?: BrowserChoice;
  shared?: SharedBrowser;
  timeoutMs?: number;
  readings?: PageReadings;
  /** prints of an earlier run: a part whose HTML did not change is taken from here, not printed again */
  store?: PrintStore;
}

/**
 * validation-report.pdf: the staff report printed like the packs (same browser, guarded tab,
 * served fonts) from its parts (validationReportParts), each a print the store keeps by its HTML,
 * joined into one document (joinParts: one structure tree, outline and set of destinations; a
 * row's link to a listing line leads there), and read back: every row's id in the text, only the
 * served fonts embedded, no load refused; dated generatedAt, so a rerun gives the same bytes. A
 * changed figure prints the parts it shows in again, and reads again only the pages that changed.
 * The caller writes it only when `problems` is empty.
 */
export async function printReport(parts: readonly string[], expectedIds: readonly string[], options: ReportPrintOptions): Promise<PrintedReport> {
  if (parts.length === 0) throw new Error('the report has no part to print');
  const session = await PrintSession.prepare({ browser: options.browser, shared: options.shared, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, tabs: 1, store: options.store });
  session.cover(parts.join(''));
  // a link to a line no listing shows stays no link, as in one print
  const partLinks = crossLinks(parts, { definedOnly: true });
  const prints = parts.map((html, i) => withCrossLinks(html, partLinks[i]!));
  const page = session.pages[0]!;
  const printed: PrintedPdf[] = [];
  const loaded: LoadedPdf[] = [];
  // each part read as soon as it is at hand: those the store holds at once, while the tab prints the others one by one
  const part = async (i: number) => {
    printed[i] = await page.print(prints[i]!);
    loaded[i] = await loadPdf(normalizePdf(printed[i]!.pdf, options.generatedAt));
  };
  try {
    const stored = await Promise.all(prints.map(async (html) => (await page.stored?.(html)) ?? false));
    const heldOrNot = (held: boolean) => prints.flatMap((_, i) => (stored[i] === held ? [() => part(i)] : []));
    await settledAll([(stop) => inTurn(heldOrNot(true), stop), (stop) => inTurn(heldOrNot(false), stop)]);
  } finally {
    await session.close();
  }
  const joined = await joinParts(
    loaded.map((pdf, i) => ({ pdf, borrowed: partLinks[i]!.borrowed })),
    null,
  );
  const { doc, base } = await withObjectStreams(joined.doc);
  const problems: string[] = printed.flatMap((p) => p.blocked.map((b) => `the report tried to load ${b.url} (${b.reason})`));
  for (const anchor of joined.borrowed) problems.push(`the report links to #${anchor}, which none of its parts defines`);
  // a page read by an earlier run (same bytes, same fonts) is not read again: a figure changed leaves the other pages as they were
  const { pages, texts, unserved } = await readBackWhole(base.bytes, options.readings ?? new PageReadings('this run'), pageKeys(doc));
  const text = compact(texts.join(''));
  for (const id of expectedIds) if (!text.includes(compact(id))) problems.push(`the report does not show ${id}`);
  for (const font of unserved) problems.push(`the report embeds ${font}`);
  return { pdf: base.bytes, pages, problems, prints: await session.kept(), printed: session.printed() };
}
