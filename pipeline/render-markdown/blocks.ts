import type { BlockContent, List, ListItem as MdListItem, PhrasingContent, RootContent } from 'mdast';
import type { Block, ListItem, TableCell } from '../../schemas/content.ts';
import type { BlockView, ChartView } from '../views/program-view.ts';
import { placeMarks, rowMarks, type MarksOf, type TextMark } from '../views/text-runs.ts';
import { heading, image, link, paragraph, strong, table, text } from './mdast.ts';

/** Where a mark beside a changed figure leads: the document's section of changes (its heading's anchor). */
export const CHANGES_ANCHOR = '#前年度からの主な変更点';

/** A text with the marks of what changed since last year after their figures: 540万円[〔拡充〕](#前年度からの主な変更点). */
function withMarks(value: string, marks: readonly TextMark[]): PhrasingContent[] {
  return placeMarks(value, marks).flatMap((piece) => [...(piece.text ? [text(piece.text)] : []), ...(piece.mark ? [link(`〔${piece.mark.label}〕`, CHANGES_ANCHOR)] : [])]);
}

/** "○実施主体：…" keeps its marker as printed; a marker of several characters ("（1）") is set apart by a space. */
export function markedText(marker: string, label: string | null, body: string, marks: readonly TextMark[] = []): PhrasingContent[] {
  const lead = marker.length > 1 ? `${marker} ` : marker;
  return label ? [text(lead), strong(label), ...withMarks(`：${body}`, marks)] : withMarks(`${lead}${body}`, marks);
}

/** Items nested by level into mdast lists. */
function nestedList(items: readonly ListItem[], marksOf: MarksOf): List {
  const root: List = { type: 'list', ordered: false, spread: false, children: [] };
  const stack: { level: number; list: List }[] = [{ level: 0, list: root }];
  for (const item of items) {
    while (stack.length > 1 && stack.at(-1)!.level >= item.level) stack.pop();
    const node: MdListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: markedText(item.marker, item.label, item.text, marksOf(item.at)) }] };
    stack.at(-1)!.list.children.push(node);
    const sub: List = { type: 'list', ordered: false, spread: false, children: [] };
    node.children.push(sub as BlockContent);
    stack.push({ level: item.level, list: sub });
  }
  const prune = (list: List) => {
    for (const li of list.children) {
      li.children = li.children.filter((c) => c.type !== 'list' || c.children.length > 0);
      for (const c of li.children) if (c.type === 'list') prune(c);
    }
  };
  prune(root);
  return root;
}

const cellText = (c: TableCell) => c.text.replace(/\s*\n\s*/g, ' ');

function caption(view: BlockView): RootContent[] {
  return view.caption ? [paragraph([strong(view.caption.number), text(`　${view.caption.text}`)])] : [];
}

function chart(c: ChartView, src: string): RootContent[] {
  return [
    paragraph(image(c.description, src, `${c.figure.number} ${c.figure.text}`)),
    paragraph([strong(c.figure.number), text(`　${c.figure.text}`)]),
    ...(c.note ? [paragraph(c.note)] : []),
  ];
}

/**
 * One block of a slide as Markdown nodes (a table with its caption and the charts drawn from it),
 * each changed figure or sentence followed by its mark when the edition has a previous one.
 */
export function blockNodes(view: BlockView, chartSrc: (seriesId: string) => string, marksOf: MarksOf = () => []): RootContent[] {
  const block: Block = view.block;
  switch (block.kind) {
    case 'heading':
      return [heading(3, withMarks(block.text, marksOf(block.at)))];
    case 'paragraph':
      return [paragraph(withMarks(block.text, marksOf(block.at)))];
    case 'note':
      return [paragraph(withMarks(`${block.marker}${/^[（(]/.test(block.marker) ? '' : ' '}${block.text}`, marksOf(block.at)))];
    case 'list':
      return [nestedList(block.items, marksOf)];
    case 'fields':
      return [{ type: 'list', ordered: false, spread: false, children: block.fields.map((f) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [strong(f.label), ...withMarks(`：${f.text}`, marksOf(f.at))] }] })) }];
    case 'other':
      return [paragraph([text('〔図中の記載〕 '), ...block.items.flatMap((i, k) => [...(k > 0 ? [text(' ／ ')] : []), ...withMarks(i.text.replace(/\s*\n\s*/g, ' '), marksOf(i.at))])])];
    case 'chart':
      return [...caption(view), table([{ header: '区分' }, { header: '割合', align: 'right' }], block.items.map((i) => [i.label, i.printed]))];
    case 'table': {
      const width = Math.max(...[...block.header, ...block.rows].map((r) => r.length));
      const header = block.header[0] ?? [];
      const headerMarks = rowMarks(header.map((c) => c.at), marksOf);
      const columns = Array.from({ length: width }, (_, k) => ({ header: header[k] ? withMarks(cellText(header[k]!), headerMarks[k]!) : '', align: k > 0 && block.role !== 'contacts' && block.role !== 'places' && block.role !== 'sheet' ? ('right' as const) : null }));
      const rows = block.rows.map((r) => {
        const marks = rowMarks(r.map((c) => c.at), marksOf);
        return r.map((c, k) => withMarks(cellText(c), marks[k]!));
      });
      return [...caption(view), table(columns, rows), ...view.charts.flatMap((c) => chart(c, chartSrc(c.series.id)))];
    }
  }
}
