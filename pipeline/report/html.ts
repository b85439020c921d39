import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { reportView, type ReportInput } from './html-view.ts';
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

/**
 * validation.html: the staff report of a validation — every check and finding with its statement,
 * values, status and the source lines of its figures, filters by status and program (radio
 * buttons and CSS, no script), and the lines the findings point at, anchored. Self-contained.
 */
export function validationHtml(input: ReportInput, options: ReportHtmlOptions = {}): string {
  template ??= Handlebars.create().compile(readFileSync(`${TEMPLATE_DIR}validation.hbs`, 'utf8'), { strict: true });
  const view = reportView(input);
  return template({
    view: options.print ? { ...view, filterCss: '' } : view,
    filters: !options.print,
    baseCss: readFileSync(`${TEMPLATE_DIR}report.css`, 'utf8'),
    fontCss: options.fontCss ?? '',
    csp: options.csp ?? "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
  });
}
