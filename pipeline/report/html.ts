import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { reportView, type ReportInput, type ReportView } from './html-view.ts';
import { templatesDir } from '../lib/paths.ts';

const TEMPLATE_DIR = templatesDir('report');

let template: ((context: object) => string) | null = null;

export interface ReportHtmlOptions {
  /** @font-face rules and the font family for print (the renderer's served fonts); none for a browser */
  fontCss?: string;
  /** the page policy: none may load anything but what fontCss names */
  csp?: string;
  /** for print: no filters (nothing to click on paper; Chromium lays out pages under :has() rules ten times slower) */
  print?: boolean;
}

/** What one document of the report holds: the header (title, edition, checksum, counts), the rows, listings. */
interface ReportShow {
  header: boolean;
  rows: boolean;
  listings: ReportView['listings'];
}

function render(view: ReportView, show: ReportShow, options: ReportHtmlOptions): string {
  template ??= Handlebars.create().compile(readFileSync(`${TEMPLATE_DIR}validation.hbs`, 'utf8'), { strict: true });
  return template({
    view: options.print ? { ...view, filterCss: '' } : view,
    show,
    filters: !options.print,
    baseCss: readFileSync(`${TEMPLATE_DIR}report.css`, 'utf8'),
    fontCss: options.fontCss ?? '',
    csp: options.csp ?? "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
  });
}

/**
 * validation.html: the staff report of a validation — every check and finding with its statement,
 * values, status and the source lines of its figures, filters by status and program (radio
 * buttons and CSS, no script), and the lines the findings point at, anchored. Self-contained.
 */
export function validationHtml(input: ReportInput, options: ReportHtmlOptions = {}): string {
  const view = reportView(input);
  return render(view, { header: true, rows: true, listings: view.listings }, options);
}

/**
 * The report for print as the documents it is printed in and joined from: its header, its rows,
 * and each listing that shows a line, each starting a page. What a figure changes is then printed again alone — the
 * header's checksum of the source; a row that shows it — and the other parts come from the store.
 */
export function validationReportParts(input: ReportInput, options: ReportHtmlOptions): string[] {
  const view = reportView(input);
  return [
    render(view, { header: true, rows: false, listings: [] }, options),
    ...(view.rows.length > 0 ? [render(view, { header: false, rows: true, listings: [] }, options)] : []),
    // a listing no row points into (the checks file's, when only the source's lines are cited) would be a page with a heading alone
    ...view.listings.filter((listing) => listing.lines.length > 0).map((listing) => render(view, { header: false, rows: false, listings: [listing] }, options)),
  ];
}
