/**
 * A CSS string literal that no text can break out of: every ASCII character other than a letter,
 * digit or space is written as a hex escape, so quotes, backslashes and "</style>" stay text.
 */
export function cssString(text: string): string {
  let out = '';
  // line breaks become spaces; the ideographic space of a header (1　地域おこし協力隊) stays
  for (const ch of text.replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')) {
    const cp = ch.codePointAt(0)!;
    out += /[A-Za-z0-9 ]/.test(ch) || cp > 0x9f ? ch : `\\${cp.toString(16)} `;
  }
  return `"${out}"`;
}

/** A part of the pack that runs on pages of its own, with the running header of those pages. */
export interface PagedPart {
  /** the part's element: "#prog-01" or ".toc"; made by the renderer, never text from the briefing */
  selector: string;
  /** CSS page name, likewise */
  pageName: string;
  header: string;
}

const IDENTIFIER = /^[a-z][a-z0-9-]*$/;
const SELECTOR = /^[#.][a-z][a-z0-9-]*$/;

/**
 * Named pages: each part is laid out on pages named after it, whose top-left margin box carries
 * the part's title. Chromium (≥ 131) draws margin boxes with the document's own fonts, unlike
 * headerTemplate/footerTemplate; a named page also starts the part on a new page.
 */
export function runningHeaderCss(parts: readonly PagedPart[]): string {
  return parts
    .map((part) => {
      if (!SELECTOR.test(part.selector) || !IDENTIFIER.test(part.pageName)) throw new Error(`not a CSS selector / identifier: ${part.selector} / ${part.pageName}`);
      return `${part.selector} { page: ${part.pageName}; }\n@page ${part.pageName} { @top-left { content: ${cssString(part.header)}; } }`;
    })
    .join('\n');
}

/**
 * The margin boxes every page shares except the cover: the pack's title top right, its addressee
 * bottom left. The cover's rule comes after: Chromium lets the later @page rule win for a margin
 * box, whatever the page selector.
 */
export function packMarginCss(margins: { topRight: string; bottomLeft: string }): string {
  return [
    `@page { @top-right { content: ${cssString(margins.topRight)}; } @bottom-left { content: ${cssString(margins.bottomLeft)}; } }`,
    '@page cover { @top-right { content: none; } @bottom-left { content: none; } }',
  ].join('\n');
}

/**
 * The pages of the edition stamps: nothing in any margin box but the bottom-left one, which names
 * each page's edition; each page is named, so that each edition is a page of its own.
 */
export function stampCss(editions: readonly { pageName: string; edition: string }[]): string {
  return [
    '@page { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }',
    ...editions.map(({ pageName, edition }) => {
      if (!IDENTIFIER.test(pageName)) throw new Error(`not a CSS identifier: ${pageName}`);
      return `.${pageName} { page: ${pageName}; }\n@page ${pageName} { @bottom-left { content: ${cssString(edition)}; } }`;
    }),
  ].join('\n');
}

/** The pages of the folios: nothing in any margin box but the bottom-center one, the page's number of all (12 / 85) as the body's pages print it. */
export function folioCss(): string {
  return '@page { @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } }';
}
