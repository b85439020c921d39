import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rewriteForPack, type RewriteOptions } from './hast-rewrite.ts';

/**
 * A program document (Markdown with YAML front matter) as the HTML of its pack section. The
 * document is data: raw HTML in it is dropped by remark-rehype (allowDangerousHtml is off), so
 * the only raw nodes in the tree are the charts rewriteForPack puts there.
 */
export function programBodyHtml(markdown: string, options: RewriteOptions): string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkRehype, { footnoteLabel: '注', footnoteLabelProperties: { className: ['footnotes-label'] } })
    .use(() => (tree: Root) => rewriteForPack(tree, options))
    .use(rehypeStringify, { allowDangerousHtml: true });
  return String(processor.processSync(markdown));
}
