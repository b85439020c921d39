import type { AlignType, BlockContent, Image, List, ListItem, PhrasingContent, Root, RootContent, Table, TableCell, Text } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import { eastAsianWidth } from 'get-east-asian-width';

/** Serialisation settings shared by fragments and the final canonical pass, so both agree byte for byte. */
export const MARKDOWN_OPTIONS: Options = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  incrementListMarker: true,
};

/** Columns a cell takes in a terminal: 漢字 and かな count two, ambiguous signs (≤, ①) one as most terminals show them. */
export function displayWidth(value: string): number {
  let width = 0;
  for (const ch of value) width += eastAsianWidth(ch.codePointAt(0)!);
  return width;
}

/** Table columns padded by display width, so that 漢字 cells line up in the raw Markdown too. */
export const GFM_OPTIONS = { tablePipeAlign: true, tableCellPadding: true, stringLength: displayWidth } as const;

/** Something shown in one line: plain text (escaped on output) or phrasing nodes already built. */
export type Inline = string | PhrasingContent | readonly PhrasingContent[];

export interface Column {
  header: Inline;
  align?: AlignType;
}

/** A text node; line breaks of the source (5,000万\n円) become spaces, since a cell or heading is one line. */
export function text(value: string): Text {
  return { type: 'text', value: value.replace(/\s*[\r\n]+\s*/g, ' ') };
}

export function phrasing(value: Inline): PhrasingContent[] {
  if (typeof value === 'string') return value === '' ? [] : [text(value)];
  return Array.isArray(value) ? [...(value as readonly PhrasingContent[])] : [value as PhrasingContent];
}

export function strong(value: string): PhrasingContent {
  return { type: 'strong', children: [text(value)] };
}

export function link(label: Inline, url: string): PhrasingContent {
  return { type: 'link', url, children: phrasing(label) };
}

/** An image reference; `title` carries the id the PDF stage resolves it by. */
export function image(alt: string, url: string, title: string): Image {
  return { type: 'image', alt: alt.replace(/\s+/g, ' '), url, title };
}

export function heading(depth: 1 | 2 | 3 | 4, value: Inline): RootContent {
  return { type: 'heading', depth, children: phrasing(value) };
}

export function paragraph(value: Inline): RootContent {
  return { type: 'paragraph', children: phrasing(value) };
}

export function table(columns: readonly Column[], rows: readonly (readonly Inline[])[]): Table {
  const row = (cells: readonly Inline[]) => ({
    type: 'tableRow' as const,
    children: columns.map((_, i): TableCell => ({ type: 'tableCell', children: phrasing(cells[i] ?? '') })),
  });
  return {
    type: 'table',
    align: columns.map((c) => c.align ?? null),
    children: [row(columns.map((c) => c.header)), ...rows.map(row)],
  };
}

/** A tight bullet list; an item may carry a nested list. */
export function list(items: readonly (Inline | { line: Inline; children: List })[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item): ListItem => {
      const nested = typeof item === 'object' && item !== null && 'line' in item && 'children' in item;
      const children: BlockContent[] = nested
        ? [{ type: 'paragraph', children: phrasing(item.line) }, item.children]
        : [{ type: 'paragraph', children: phrasing(item as Inline) }];
      return { type: 'listItem', spread: false, children };
    }),
  };
}

/** Nodes as a Markdown fragment, escaped for Markdown (not HTML), ending without a newline. */
export function toFragment(nodes: RootContent | readonly RootContent[]): string {
  const children = Array.isArray(nodes) ? [...(nodes as readonly RootContent[])] : [nodes as RootContent];
  if (children.length === 0) return '';
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { ...MARKDOWN_OPTIONS, extensions: [gfmToMarkdown(GFM_OPTIONS)] }).replace(/\n+$/, '');
}

/** One value as inline Markdown: `A|B *x*` → `A|B \*x\*`. */
export function inline(value: Inline): string {
  return toFragment(paragraph(value));
}
