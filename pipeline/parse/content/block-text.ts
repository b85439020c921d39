import type { Block } from '../../../schemas/content.ts';
import type { Provenance } from '../../../schemas/provenance.ts';

/** One text of a block that a figure can stand in: an item, a field, a paragraph, a note. */
export interface BlockText {
  block: Block;
  text: string;
  at: Provenance;
}

/** The texts of a slide's blocks in reading order, items and fields one by one (tables and charts left out). */
export function blockTexts(blocks: readonly Block[]): BlockText[] {
  return blocks.flatMap((block): BlockText[] => {
    switch (block.kind) {
      case 'list':
        return block.items.map((i) => ({ block, text: i.label ? `${i.label}：${i.text}` : i.text, at: i.at }));
      case 'fields':
        return block.fields.map((f) => ({ block, text: `${f.label}：${f.text}`, at: f.at }));
      case 'other':
        return block.items.map((i) => ({ block, text: i.text, at: i.at }));
      case 'paragraph':
      case 'heading':
        return [{ block, text: block.text, at: block.at }];
      case 'note':
        return [{ block, text: `${block.marker}${block.text}`, at: block.at }];
      default:
        return [];
    }
  });
}

/** Whether a place starts inside a span of the source. */
export function holds(range: Provenance, at: Provenance): boolean {
  const after = at.line > range.line || (at.line === range.line && at.column >= range.column);
  const before = at.line < range.endLine || (at.line === range.endLine && at.column < range.endColumn);
  return after && before;
}

/** The text a figure stands in, and its position among the slide's texts. */
export function textOf(texts: readonly BlockText[], at: Provenance): { text: BlockText; index: number } | null {
  const index = texts.findIndex((t) => holds(t.at, at));
  return index < 0 ? null : { text: texts[index]!, index };
}

/** The name of a grant or bond a text begins with or leads to: "…交付金（法務省所管）", "過疎対策事業債". */
export const GRANT_NAME = /((?:[\p{Script=Han}\p{Script=Katakana}ーA-Za-z]|(?<=[\p{Script=Han}])・(?=[\p{Script=Han}]))+?(?:交付金|補助金|債)(?:[（(][^（）()]*[）)])*)/u;
