import { z } from 'zod';
import { Provenance } from './provenance.ts';

/**
 * The content of a slide as blocks in reading order: what a reader of the pack gets instead of
 * the slide. Every non-blank line of a slide belongs to exactly one block (page numbers aside),
 * so nothing the slide says is dropped; every block and item keeps its provenance.
 */

const block = {
  id: z.string().describe('"s01-b03": slide and position on the slide'),
  at: Provenance.describe('from the first to the last character of the block in the source'),
};

export const TextItem = z.object({ text: z.string(), at: Provenance });

export const HeadingBlock = z
  .object({ ...block, kind: z.literal('heading'), text: z.string() })
  .describe('A heading inside the slide: a letter-spaced line, a 【…】 label alone on its line, a numbered section (１．…)');

export const ParagraphBlock = z
  .object({ ...block, kind: z.literal('paragraph'), text: z.string().describe('lines broken by the text layer joined again') })
  .describe('Running text');

export const ListItem = z.object({
  marker: z.string().describe('the marker as printed: ○ ・ ■ ① (1) １． ⇒ …'),
  level: z.number().int().min(1).max(4).describe('nesting: 1 for the outermost marker of the list'),
  label: z.string().nullable().describe('the key of a key–value item (○実施主体：地方公共団体 → 実施主体)'),
  text: z.string().describe('the text after the marker (and after the label and its colon)'),
  at: Provenance,
});
export type ListItem = z.infer<typeof ListItem>;

export const ListBlock = z.object({ ...block, kind: z.literal('list'), items: z.array(ListItem).min(1) }).describe('Items with markers, nested by marker');

export const NoteBlock = z
  .object({ ...block, kind: z.literal('note'), marker: z.string().describe('※, ※1, （注）…'), text: z.string() })
  .describe('A note (※) that qualifies what stands near it');

export const FieldsBlock = z
  .object({ ...block, kind: z.literal('fields'), fields: z.array(z.object({ label: z.string(), text: z.string(), at: Provenance })).min(1) })
  .describe('Key–value lines without a marker (対象経費：…)');

export const TableCell = z.object({
  text: z.string().describe('the cell as printed (normalized); empty for an empty cell'),
  at: Provenance.nullable().describe('null for a cell the table adds (a header it infers)'),
});
export type TableCell = z.infer<typeof TableCell>;

export const TableRole = z.enum(['series', 'year-rows', 'numeric', 'breakdown', 'places', 'contacts', 'sheet']);

export const TableBlock = z
  .object({
    ...block,
    kind: z.literal('table'),
    role: TableRole.describe(
      'series: years across, one row per series (年度 21年度 22年度 …); year-rows: one row per year; numeric: rows of a label and numbers; breakdown: the parts of a total (label, value) and the total; places: municipalities listed under 【県名】; contacts: the contact list; sheet: an embedded spreadsheet',
    ),
    header: z.array(z.array(TableCell)).describe('header rows'),
    rows: z.array(z.array(TableCell)),
    series: z.array(z.string()).describe('ids of the series the table holds'),
    copies: z
      .array(z.object({ label: z.string(), startLine: z.number().int().positive(), endLine: z.number().int().positive() }))
      .describe('for an embedded spreadsheet dumped several times: the other copies, not shown again'),
  })
  .describe('A table rebuilt from the row lines of the text layer');
export type TableBlock = z.infer<typeof TableBlock>;

export const ChartBlock = z
  .object({
    ...block,
    kind: z.literal('chart'),
    role: z.enum(['shares']).describe('shares: a funding picture whose shares add up to a whole (½ 国費 ¼ 特別交付税 …)'),
    items: z.array(z.object({ label: z.string(), printed: z.string(), value: z.number(), at: Provenance })).min(1),
  })
  .describe('The labels and values of a chart drawn on the slide');

export const OtherBlock = z
  .object({ ...block, kind: z.literal('other'), items: z.array(TextItem).min(1).describe('short texts in reading order') })
  .describe('Text that is none of the above: labels of a diagram, captions, words of a picture — kept so that nothing is dropped');

export const Block = z.discriminatedUnion('kind', [HeadingBlock, ParagraphBlock, ListBlock, NoteBlock, FieldsBlock, TableBlock, ChartBlock, OtherBlock]);
export type Block = z.infer<typeof Block>;
export type BlockKind = Block['kind'];

export const SlideTitle = z.object({
  text: z.string(),
  at: Provenance.nullable().describe('null when the slide has no line that reads as a title'),
});
