import type { Element, ElementContent, Root, RootContent } from 'hast';

/** Where the program documents point at a chart the PDF stage draws (pipeline/render-markdown/file-names.ts). */
export const CHART_SRC = /^charts\/[a-z0-9-]+\.svg$/;

/** A table cell this short (スライド3・209行目, 特別交付税措置, ／団体) stays on one line; longer ones wrap. */
export const SHORT_CELL = 12;

export interface RewriteOptions {
  /** the SVG of a chart by its image source; null when it cannot be drawn */
  chartSvg: (src: string, title: string | null) => string | null;
}

/**
 * Adapts the HTML of a program document to its place in a pack: the document's own title (a
 * leading h1) gives way to the section's h1, any other h1 becomes an h2 under it, chart images
 * become inline SVG (a paragraph holding only a chart becomes the chart's figure), other images
 * become their alt text (nothing is fetched), links keep only their text (a PDF for print has
 * nowhere to send them) and ids go, so that no document can take an anchor of the pack.
 */
export function rewriteForPack(tree: Root, options: RewriteOptions): void {
  const first = tree.children.find((n) => n.type === 'element');
  if (first && first.tagName === 'h1') tree.children.splice(tree.children.indexOf(first), 1);
  tree.children = tree.children.map((n) => rewriteNode(n, options) as RootContent);
}

function rewriteNode(node: RootContent | ElementContent, options: RewriteOptions): RootContent | ElementContent {
  if (node.type !== 'element') return node;
  const heading = /^h([1-6])$/.exec(node.tagName);
  if (heading) node.tagName = `h${Math.max(2, Number(heading[1]))}`;
  if (node.tagName === 'img') return imageReplacement(node, options);
  if (node.tagName === 'a') {
    if ('dataFootnoteBackref' in node.properties) return { type: 'text', value: '' };
    node.tagName = 'span';
    node.properties = {};
  }
  delete node.properties.id;
  node.children = node.children.map((c) => rewriteNode(c, options) as ElementContent);
  if ((node.tagName === 'td' || node.tagName === 'th') && [...textOf(node)].length <= SHORT_CELL) node.properties.className = ['short'];
  return node.tagName === 'p' ? soleFigure(node) ?? node : node;
}

function soleFigure(paragraph: Element): Element | null {
  const elements = paragraph.children.filter((c) => c.type === 'element');
  const blank = paragraph.children.every((c) => c.type === 'element' || (c.type === 'text' && c.value.trim() === ''));
  return blank && elements.length === 1 && elements[0]!.tagName === 'figure' ? elements[0]! : null;
}

function imageReplacement(img: Element, options: RewriteOptions): Element {
  const src = typeof img.properties.src === 'string' ? img.properties.src : '';
  const alt = typeof img.properties.alt === 'string' ? img.properties.alt : '';
  const title = typeof img.properties.title === 'string' ? img.properties.title : null;
  const svg = CHART_SRC.test(src) ? options.chartSvg(src, title) : null;
  if (svg === null) return element('span', 'image-omitted', [{ type: 'text', value: `［図: ${alt || '（説明なし）'}］` }]);
  return element('figure', 'chart', [
    // the SVG comes from echarts in this process, never from the document
    { type: 'raw', value: svg },
    element('figcaption', null, [{ type: 'text', value: alt }]),
  ]);
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

function element(tagName: string, className: string | null, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: className ? { className: [className] } : {}, children };
}
