import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { GFM_OPTIONS, MARKDOWN_OPTIONS } from './mdast.ts';

/** The one Markdown dialect of the documents: CommonMark + GFM tables + YAML front matter. */
export function markdownProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkGfm, GFM_OPTIONS)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkStringify, MARKDOWN_OPTIONS);
}

const processor = markdownProcessor().freeze();

export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown);
}

/** Parse and serialise again: blank lines, escapes and table padding come out one way only. */
export function canonicalMarkdown(markdown: string): string {
  return processor.stringify(processor.runSync(processor.parse(markdown)) as Root);
}
