import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { openBrowser, type BrowserSession } from '../../pipeline/render-pdf/browser.ts';
import { findBrowser } from '../../pipeline/lib/browser-path.ts';
import { destinationPages, pageTexts, withPdf } from '../../pipeline/render-pdf/pdf-read.ts';
import { PDFName } from 'pdf-lib';
import { loadPdf } from '../../pipeline/render-pdf/assemble/index.ts';
import { PageReadings } from '../../pipeline/render-pdf/page-readings.ts';
import { printReport, reportPrintOptions } from '../../pipeline/render-pdf/report-pdf.ts';
import { validationHtml, validationReportParts } from '../../pipeline/report/html.ts';
import { reportView } from '../../pipeline/report/html-view.ts';
import { parseR6, R6_TEXT, r6Manifest } from '../helpers/r6.ts';
import { R6_CHECKS, validateText } from '../helpers/validate.ts';

let briefing: Briefing;
let report: ValidationReport;
let manifest: Manifest;
let html: string;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  briefing = (await parseR6()).briefing;
  report = await validateText();
  manifest = await r6Manifest();
  html = validationHtml({ report, briefing, manifest, source: R6_TEXT, checks: R6_CHECKS, fullListings: true });
  session = await openBrowser(await findBrowser(), 60_000);
  page = await session.browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
}, 120_000);

afterAll(async () => {
  await session?.close();
});

const visibleRows = () => page.$$eval('tr.row', (rows) => rows.filter((r) => getComputedStyle(r).display !== 'none').map((r) => r.className));

describe('validation.html, opened in Chromium', () => {
  it('shows every check and every finding, each with its statement, status and the lines of its figures', async () => {
    const ids = await page.$$eval('tr.row td.id code', (cells) => cells.map((c) => c.textContent));
    for (const c of report.checks) expect(ids).toContain(c.id);
    const statements = await page.$$eval('tr.row .statement', (ps) => ps.map((p) => p.textContent));
    expect(statements).toContain('臨時交付金の総額 約18.3兆円 = 地方単独事業分等 5.4兆円 + 物価高騰対応 1.8兆円 + 事業者支援 0.6兆円 + 時短要請協力枠 8.6兆円 + 検査促進枠 0.6兆円');
    const rinji = await page.$eval('tr.row.st-acknowledged', (r) => r.textContent ?? '');
    expect(rinji).toContain('既知の不整合');
    expect(await page.$$eval('tr.row', (r) => r.length)).toBe(reportView({ report, briefing, manifest, source: R6_TEXT, checks: R6_CHECKS, fullListings: true }).rows.length);
  });

  it('links every figure to a line of the source or of the checks file that exists, and that line says what the row quotes', async () => {
    const links = await page.$$eval('a[href^="#"]', (as) => as.map((a) => ({ href: a.getAttribute('href')!, target: document.getElementById(a.getAttribute('href')!.slice(1))?.textContent ?? null })));
    expect(links.length).toBeGreaterThan(400);
    expect(links.filter((l) => l.target === null)).toEqual([]);
    const rinji = await page.$eval('a[href="#L3257"]', (a) => document.getElementById('L3257')!.querySelector('code')!.textContent);
    expect(rinji).toContain('約18.3兆円');
  });

  it('filters by status and by program with its own controls, no script needed', async () => {
    expect(await visibleRows()).toHaveLength(report.checks.length + report.findings.filter((f) => !f.checkId && !report.checks.some((c) => c.relation === f.ruleId)).length);
    await page.click('label[for="st-acknowledged"]');
    expect(await visibleRows()).toHaveLength(3);
    await page.click('label[for="st-all"]');
    const jet = briefing.programs.find((p) => p.no === '19')!;
    await page.click(`label[for="pg-${jet.order}"]`);
    const rows = await visibleRows();
    expect(rows.length).toBe(report.checks.filter((c) => c.programs.includes('19')).length);
    expect(rows.every((r) => r.split(' ').includes(`p${jet.order}`))).toBe(true);
    await page.click('label[for="pg-all"]');
  });

  it('is self-contained: no script, no external URL, a policy that loads nothing', () => {
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.)|src=/);
    expect(html).toContain('content="default-src &#x27;none&#x27;; style-src &#x27;unsafe-inline&#x27;');
  });
});

describe('validation-report.pdf', () => {
  const printable = (r: ValidationReport) => validationReportParts({ report: r, briefing, manifest, source: R6_TEXT, checks: R6_CHECKS, fullListings: false }, reportPrintOptions());
  /** a few rows are enough to show what the parts do, at a fraction of the whole report's print */
  const fewRows = () => {
    const checks = report.checks.slice(0, 12);
    const ids = new Set(checks.map((c) => c.id));
    return { part: { ...report, checks, findings: report.findings.filter((f) => f.checkId !== null && ids.has(f.checkId)) }, ids: [...ids] };
  };

  it('prints the same report with the pack fonts, from its parts joined into one, verified by reading it back', async () => {
    const parts = printable(report);
    // the header, the rows, and the listing of the source: no row points into the checks file, whose listing would show no line
    expect(parts).toHaveLength(3);
    expect(parts.filter((html) => html.includes('<section class="listing"'))).toHaveLength(1);
    expect(parts[2]).toContain('<h2>出典 ');
    const printed = await printReport(parts, report.checks.map((c) => c.id), { generatedAt: manifest.generatedAt });
    expect(printed.problems).toEqual([]);
    expect(printed.printed).toBe(3);
    expect(printed.pages).toBeGreaterThan(5);
    const joined = await loadPdf(printed.pdf);
    expect(joined.doc.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    // a row's link to a line of the source (printed apart from the rows) leads to that line's page in the listing
    const [texts, destinations, links] = await withPdf(printed.pdf, async (doc) => {
      const found: { page: number; dest: string }[] = [];
      for (let p = 1; p <= doc.numPages; p++) {
        for (const a of await (await doc.getPage(p)).getAnnotations()) if (a.subtype === 'Link' && typeof a.dest === 'string') found.push({ page: p, dest: a.dest });
      }
      return [await pageTexts(doc), await destinationPages(doc), found] as const;
    });
    expect(texts[0]).toContain('検証レポート');
    const listing = texts.findIndex((t) => t.startsWith('出典')) + 1;
    expect(listing).toBeGreaterThan(2);
    const rowLinks = links.filter((l) => l.page > 1 && l.page < listing && /^L\d+$/.test(l.dest));
    expect(rowLinks.length).toBeGreaterThan(10);
    for (const { dest } of rowLinks) {
      const page = destinations.get(dest);
      expect(page, dest).toBeGreaterThanOrEqual(listing);
      expect(texts[page! - 1]).toContain(dest.slice(1));
    }
  }, 120_000);

  it('prints a report of its header alone (no row, no listing) as one document', async () => {
    const [header] = printable({ ...report, checks: [], findings: [] });
    const printed = await printReport([header!], [], { generatedAt: manifest.generatedAt });
    expect([printed.problems, printed.pages, printed.printed, printed.joined]).toEqual([[], 1, 1, 0]);
    expect((await withPdf(printed.pdf, pageTexts))[0]).toContain('検証レポート');
  }, 120_000);

  it('reports a link to what none of its parts has a destination for, and writes nothing', async () => {
    const { part, ids } = fewRows();
    const [header, ...rest] = printable(part);
    // the header links into the rows, to an element the browser lays out nowhere, so draws no destination for
    const parts = [header!.replace('</body>', '<a href="#drawn-nowhere">→</a></body>'), rest[0]!.replace('</body>', '<span id="drawn-nowhere" style="display:none"></span></body>'), ...rest.slice(1)];
    const printed = await printReport(parts, ids, { generatedAt: manifest.generatedAt });
    expect(printed.problems).toEqual([expect.stringMatching(/^the report cannot be put together: .*"drawn-nowhere"/)]);
    expect(printed.pdf).toHaveLength(0);
  }, 120_000);

  it('prints to the same bytes again: dated by the manifest, its structure numbered by rank', async () => {
    const { part, ids } = fewRows();
    const parts = printable(part);
    const [first, again] = [await printReport(parts, ids, { generatedAt: manifest.generatedAt }), await printReport(parts, ids, { generatedAt: manifest.generatedAt })];
    expect(first.problems).toEqual([]);
    expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(true);
  }, 120_000);

  it('prints again only the header when the source changed where no row shows it, and reads again only its page', async () => {
    const { part, ids } = fewRows();
    const first = await printReport(printable(part), ids, { generatedAt: manifest.generatedAt, readings: new PageReadings('test') });
    const prints = new Map(first.prints.map((p) => [p.key, p.bytes]));
    const store = { salt: '', get: async (key: string) => prints.get(key) ?? null };
    const earlier = new PageReadings('test');
    const rerun = await printReport(printable(part), ids, { generatedAt: manifest.generatedAt, readings: earlier, store });
    expect([first.printed, first.joined, rerun.printed, rerun.joined]).toEqual([3, 2, 0, 0]);
    // the body read from the store's bytes makes the update the body joined in memory made
    expect(Buffer.from(rerun.pdf).equals(Buffer.from(first.pdf))).toBe(true);
    // the body is taken only as joined from the same prints, dated alike: another date, or a part the store lost, joins it again
    const redated = await printReport(printable(part), ids, { generatedAt: '2024-04-02', store });
    expect([redated.printed, redated.joined]).toEqual([0, 2]);
    // the prints of the parts, then the body joined; the largest part is the listing, one of the body's
    expect(first.prints.at(-1)!.type).toBe('pdf');
    const [listing] = first.prints.filter((p) => p.type === 'pdf').slice(0, -1).sort((a, b) => b.bytes.length - a.bytes.length);
    const lost = { salt: '', get: async (key: string) => (key === listing!.key ? null : (prints.get(key) ?? null)) };
    const relisted = await printReport(printable(part), ids, { generatedAt: manifest.generatedAt, store: lost });
    expect([relisted.printed, relisted.joined]).toEqual([1, 2]);
    // the source's checksum is on the header alone: another source text with the same findings
    const sha256 = part.source.sha256.replace(/[1-9]/g, '0');
    const edited = { ...part, source: { ...part.source, sha256 } };
    const readings = new PageReadings('test', earlier.kept());
    const second = await printReport(printable(edited), ids, { generatedAt: manifest.generatedAt, readings, store });
    expect(second.problems).toEqual([]);
    // the header printed again and assembled onto the body the store held joined: the same bytes as a run without a store
    expect([second.printed, second.joined]).toEqual([1, 0]);
    expect(Buffer.from(second.pdf).equals(Buffer.from((await printReport(printable(edited), ids, { generatedAt: manifest.generatedAt })).pdf))).toBe(true);
    expect(second.pages).toBe(first.pages);
    // the text and the fonts of page 1; the body's pages kept their bytes and fonts
    expect(readings.read()).toBe(2);
    const text = (await withPdf(second.pdf, pageTexts)).join('');
    expect(text).toContain(sha256);
    expect(text).not.toContain(part.source.sha256);
  }, 120_000);
});
