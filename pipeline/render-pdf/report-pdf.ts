import { ASSET_ORIGIN, assetUrls } from './assets.ts';
import type { BrowserChoice } from '../lib/browser-path.ts';
import { FONT_FAMILY } from './fonts.ts';
import { normalizePdf } from './pdf-normalize.ts';
import { PageReadings, readBackWhole } from './page-readings.ts';
import { printHtml } from './print-html.ts';
import type { SharedBrowser } from './shared-browser.ts';
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
}

/**
 * validation-report.pdf: the staff report printed like the packs (same browser, guarded tab,
 * served fonts) and read back: every row's id in the text, only the served fonts embedded, no
 * load refused; dated generatedAt, so a rerun gives the same bytes. The caller writes it only when
 * `problems` is empty.
 */
export async function printReport(html: string, expectedIds: readonly string[], options: { generatedAt: string; browser?: BrowserChoice; shared?: SharedBrowser; timeoutMs?: number; readings?: PageReadings }): Promise<PrintedReport> {
  const printed = await printHtml(html, options);
  const { blocked } = printed;
  const pdf = normalizePdf(printed.pdf, options.generatedAt);
  const problems: string[] = blocked.map((b) => `the report tried to load ${b.url} (${b.reason})`);
  // a page read by an earlier run (same bytes, same fonts) is not read again: a figure changed leaves the other pages as they were
  const { pages, texts, unserved } = await readBackWhole(pdf, options.readings ?? new PageReadings('this run'));
  const text = compact(texts.join(''));
  for (const id of expectedIds) if (!text.includes(compact(id))) problems.push(`the report does not show ${id}`);
  for (const font of unserved) problems.push(`the report embeds ${font}`);
  return { pdf, pages, problems };
}
