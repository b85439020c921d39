import { ASSET_ORIGIN, assetUrls } from './assets.ts';
import type { BrowserChoice } from '../lib/browser-path.ts';
import { FONT_FAMILY } from './fonts.ts';
import { AssemblyError, assembledPack, loadPdf, namedDestinations, withObjectStreams, type AssembledPack, type LoadedPdf } from './assemble/index.ts';
import { joinParts } from './assemble/join.ts';
import { crossLinks, withCrossLinks, type CrossLinks } from './cross-links.ts';
import { inTurn, settledAll, type PrintedPdf } from './page-pool.ts';
import { hashOf } from '../build/build-state.ts';
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
  /** the prints of its parts, from the store or printed now, and its body joined from them: for the store of the next run */
  prints: KeptPrint[];
  /** how many of them the browser printed in this run */
  printed: number;
  /** how many parts were joined into its body in this run: none when the store held the body joined */
  joined: number;
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
 * and read back: every row's id in the text, only the served fonts embedded, no load refused;
 * dated generatedAt, so a rerun gives the same bytes. Its first part, the header (the source's
 * checksum: it changes with every edit), is assembled onto the others as a pack's front matter is
 * onto its body (assembledPack: one structure tree, outline and set of destinations; a row's link
 * to a listing line leads there); the others are joined (joinParts) into that body, which the
 * store keeps by the keys of their prints. A figure changed where no row shows it prints the
 * header again and takes the body joined, reading again only the header's pages. The caller
 * writes it only when `problems` is empty.
 */
export async function printReport(parts: readonly string[], expectedIds: readonly string[], options: ReportPrintOptions): Promise<PrintedReport> {
  if (parts.length === 0) throw new Error('the report has no part to print');
  const session = await PrintSession.prepare({ browser: options.browser, shared: options.shared, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, tabs: 1, store: options.store });
  session.cover(parts.join(''));
  // a link to a line no listing shows stays no link, as in one print
  const partLinks = crossLinks(parts, { definedOnly: true });
  const prints = parts.map((html, i) => withCrossLinks(html, partLinks[i]!));
  const page = session.pages[0]!;
  // the body's key: the keys of its parts' prints and the date they are normalised to (none without a store's keys)
  const bodyKey = prints.length > 1 && page.key ? hashOf('report body', options.generatedAt, ...prints.slice(1).map((html) => page.key!(html))) : null;
  const printed: PrintedPdf[] = [];
  const loaded: LoadedPdf[] = [];
  let held: Uint8Array | null = null;
  try {
    const stored = await Promise.all(prints.map(async (html) => (await page.stored?.(html)) ?? false));
    // the body as the store holds it, joined, when it also holds every print it was joined from (kept for the next run): then only the header is read
    held = bodyKey && options.store && stored.slice(1).every(Boolean) ? await options.store.get(bodyKey, 'pdf') : null;
    const wanted = held ? [0] : prints.map((_, i) => i);
    // each part read as soon as it is at hand: those the store holds at once, while the tab prints the others one by one
    const part = async (i: number) => {
      printed[i] = await page.print(prints[i]!);
      loaded[i] = await loadPdf(normalizePdf(printed[i]!.pdf, options.generatedAt));
    };
    const heldOrNot = (yes: boolean) => wanted.flatMap((i) => (stored[i] === yes ? [() => part(i)] : []));
    await settledAll([(stop) => inTurn(heldOrNot(true), stop), (stop) => inTurn(heldOrNot(false), stop)]);
  } finally {
    await session.close();
  }
  const joinedNow = prints.length > 1 && !held ? prints.length - 1 : 0;
  // the body as joined now, or read from the bytes the store held: the same update either way (packs are assembled on a body joined now too)
  const joined = held ? await loadPdf(held) : joinedNow > 0 ? await joinedBody(loaded.slice(1), partLinks.slice(1)) : null;
  const problems: string[] = printed.flatMap((p) => p.blocked.map((b) => `the report tried to load ${b.url} (${b.reason})`));
  let report: AssembledPack;
  try {
    report = joined ? await withHeader(loaded[0]!, partLinks, joined) : await alone(loaded[0]!);
  } catch (err) {
    if (!(err instanceof AssemblyError)) throw err;
    // a link to what none of its parts defines, say (a target the browser drew no destination for): reported with the rest, nothing written
    return { pdf: new Uint8Array(), pages: 0, problems: [...problems, `the report cannot be put together: ${err.message}`], prints: [], printed: session.printed(), joined: joinedNow };
  }
  // a page read by an earlier run (same bytes, same fonts) is not read again: a figure changed leaves the other pages as they were
  const { pages, texts, unserved } = await readBackWhole(report.pdf, options.readings ?? new PageReadings('this run'), report.pageKeys);
  const text = compact(texts.join(''));
  for (const id of expectedIds) if (!text.includes(compact(id))) problems.push(`the report does not show ${id}`);
  for (const font of unserved) problems.push(`the report embeds ${font}`);
  const keptBody: KeptPrint[] = joined && bodyKey ? [{ key: bodyKey, type: 'pdf', bytes: joined.base.bytes }] : [];
  return { pdf: report.pdf, pages, problems, prints: [...(await session.kept()), ...keptBody], printed: session.printed(), joined: joinedNow };
}

/** The report's body: its parts after the header, joined (joinParts), its dictionaries compressed. */
async function joinedBody(parts: readonly LoadedPdf[], links: readonly CrossLinks[]): Promise<LoadedPdf> {
  const joined = await joinParts(parts.map((pdf, i) => ({ pdf, borrowed: links[i]!.borrowed })), null);
  return withObjectStreams(joined.doc);
}

/**
 * The header assembled onto the body as a pack's front matter onto its (assembledPack, pages
 * numbered through): the body's bytes, then an update. The header lends the body what the body's
 * parts link to and none of them defines (the body's /Dests lack it, as joinParts left it borrowed).
 */
async function withHeader(header: LoadedPdf, links: readonly CrossLinks[], body: LoadedPdf): Promise<AssembledPack> {
  const defined = namedDestinations(body);
  const borrowed = new Set(links.slice(1).flatMap((l) => [...l.borrowed]).filter((a) => !defined.has(a)));
  return assembledPack({ front: { pdf: header, borrowed: links[0]!.borrowed }, body: { pdf: body, borrowed }, stamp: null, labelled: false });
}

/** A report of its header alone: joined by itself (one font, nothing unreachable), as the body is. */
async function alone(header: LoadedPdf): Promise<AssembledPack> {
  const { doc, base } = await withObjectStreams((await joinParts([{ pdf: header, borrowed: new Set() }], null)).doc);
  return { pdf: base.bytes, pageKeys: pageKeys(doc) };
}
