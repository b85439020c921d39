import type { BlockContent, List, ListItem as MdListItem, PhrasingContent, RootContent } from 'mdast';
import type { Block, ListItem, TableCell } from '../../schemas/content.ts';
import type { BlockView, ChartView } from '../views/program-view.ts';
import { heading, image, paragraph, phrasing, strong, table, text } from './mdast.ts';

/** "○実施主体：…" keeps its marker as printed; a marker of several characters ("（1）") is set apart by a space. */
export function markedText(marker: string, label: string | null, body: string): PhrasingContent[] {
  const lead = marker.length > 1 ? `${marker} ` : marker;
  return label ? [text(lead), strong(label), text(`：${body}`)] : [text(`${lead}${body}`)];
}

/** Items nested by level into mdast lists. */
function nestedList(items: readonly ListItem[]): List {
  const root: List = { type: 'list', ordered: false, spread: false, children: [] };
  const stack: { level: number; list: List }[] = [{ level: 0, list: root }];
  for (const item of items) {
    while (stack.length > 1 && stack.at(-1)!.level >= item.level) stack.pop();
    const node: MdListItem = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: markedText(item.marker, item.label, item.text) }] };
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

/** One block of a slide as Markdown nodes (a table with its caption and the charts drawn from it). */
export function blockNodes(view: BlockView, chartSrc: (seriesId: string) => string): RootContent[] {
  const block: Block = view.block;
  switch (block.kind) {
    case 'heading':
      return [heading(3, block.text)];
    case 'paragraph':
      return [paragraph(block.text)];
    case 'note':
      return [paragraph(`${block.marker}${/^[（(]/.test(block.marker) ? '' : ' '}${block.text}`)];
    case 'list':
      return [nestedList(block.items)];
    case 'fields':
      return [{ type: 'list', ordered: false, spread: false, children: block.fields.map((f) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [strong(f.label), text(`：${f.text}`)] }] })) }];
    case 'other':
      return [paragraph([text('〔図中の記載〕 '), ...phrasing(block.items.map((i) => i.text.replace(/\s*\n\s*/g, ' ')).join(' ／ '))])];
    case 'chart':
      return [...caption(view), table([{ header: '区分' }, { header: '割合', align: 'right' }], block.items.map((i) => [i.label, i.printed]))];
    case 'table': {
      const width = Math.max(...[...block.header, ...block.rows].map((r) => r.length));
      const header = block.header[0] ?? [];
      const columns = Array.from({ length: width }, (_, k) => ({ header: header[k] ? cellText(header[k]!) : '', align: k > 0 && block.role !== 'contacts' && block.role !== 'places' && block.role !== 'sheet' ? ('right' as const) : null }));
      return [...caption(view), table(columns, block.rows.map((r) => r.map(cellText))), ...view.charts.flatMap((c) => chart(c, chartSrc(c.series.id)))];
    }
  }
}
