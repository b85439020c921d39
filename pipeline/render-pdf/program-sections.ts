import type { Block, ListItem, TableCell } from '../../schemas/content.ts';
import { rowMarks, type MarksOf, type TextMark } from '../views/text-runs.ts';
import { seriesChartSvg, type ChartStyle } from '../views/chart.ts';
import type { Series } from '../../schemas/figures.ts';
import { packMeasureColumns, type MeasureCellView, type PackMeasureColumn } from './measure-table.ts';
import type { BlockView, ProgramView } from '../views/program-view.ts';
import type { SeriesTarget } from '../views/series-target.ts';
import { FONT_FAMILY } from './fonts.ts';

/** A list item with the items nested under it. */
export interface ListNode {
  marker: string;
  label: string | null;
  text: string;
  marks: TextMark[];
  items: ListNode[];
}

export interface CellView {
  text: string;
  /** a number (with its unit): right-aligned, tabular digits */
  num: boolean;
  marks: TextMark[];
}

/** What a block partial of templates/pdf/partials/ gets: `partial` names the partial. */
export type BlockHtmlView =
  | { partial: 'block-heading' | 'block-paragraph'; text: string; marks: TextMark[] }
  | { partial: 'block-note'; marker: string; text: string; marks: TextMark[] }
  | { partial: 'block-list'; items: ListNode[] }
  | { partial: 'block-fields'; fields: { label: string; text: string; marks: TextMark[] }[] }
  | { partial: 'block-other'; items: { text: string; marks: TextMark[] }[] }
  | { partial: 'block-chart'; caption: string; items: { label: string; printed: string }[] }
  | { partial: 'block-table'; role: string; caption: string; header: CellView[][]; rows: CellView[][]; bands: TableBand[]; keep: boolean; charts: ChartHtmlView[] };

/** A table as it is set: its header and rows, or a band of their columns (the label column, then some of the others). */
export interface TableBand {
  header: CellView[][];
  rows: CellView[][];
}

/**
 * A year series printed across (21年度 … 5年度) takes at most this many year columns a band:
 * fifteen years of 「1,164団体」 do not fit A4 at 7pt, and a table wider than the page makes
 * Chromium shrink the whole print to fit it.
 */
export const SERIES_BAND_COLUMNS = 10;

/**
 * The bands a series table is set in, one under the other, each with the label column: as few as
 * keep each within SERIES_BAND_COLUMNS columns, as even as they can be. Any other table is one band.
 */
export function tableBands(role: string, header: CellView[][], rows: CellView[][]): TableBand[] {
  const lines = [...header, ...rows];
  const columns = Math.max(0, ...lines.map((r) => r.length)) - 1;
  if (role !== 'series' || columns <= SERIES_BAND_COLUMNS || lines.some((r) => r.length !== columns + 1)) return [{ header, rows }];
  const count = Math.ceil(columns / SERIES_BAND_COLUMNS);
  const width = Math.ceil(columns / count);
  // a shorter last band keeps the grid: empty cells where the others have years
  const band = (line: CellView[], b: number) => {
    const years = line.slice(1 + b * width, 1 + (b + 1) * width);
    return [line[0]!, ...years, ...Array.from({ length: width - years.length }, (): CellView => ({ text: '', num: false, marks: [] }))];
  };
  return Array.from({ length: count }, (_, b) => ({ header: header.map((r) => band(r, b)), rows: rows.map((r) => band(r, b)) }));
}

/**
 * Tables of up to this many rows print whole on one page, caption and header with them: Chromium
 * does not keep a table's header with its first row, so a short table is kept together instead.
 */
export const KEEP_TOGETHER_ROWS = 15;

export interface ChartHtmlView {
  /** the SVG the chart module drew: markup of our own, with its <title> and <desc> */
  svg: string;
  caption: string;
  note: string | null;
}

/** One program section of a pack: the same in every pack, so it is rendered once per run. */
export interface ProgramSection {
  anchor: string;
  selector: string;
  pageName: string;
  no: string;
  name: string;
  slides: string;
  /** the running header of its pages */
  header: string;
  slideSections: { anchor: string; index: number; title: string; blocks: BlockHtmlView[] }[];
  summary: SummaryView;
  contacts: { department: string; people: string[]; phones: string[]; note: string | null }[];
}

export interface BudgetTableView {
  caption: string;
  /** the header of the second column: 対象 / 地方債 / 事業（所管） */
  subjectHeader: string;
  /** columns that stay: a column empty on every row of the table is dropped */
  hasSubject: boolean;
  hasNotes: boolean;
  /** short enough to print whole on one page (KEEP_TOGETHER_ROWS) */
  keep: boolean;
  rows: { label: string; subject: string; amount: string; notes: string; slides: string }[];
}

export interface SummaryView {
  budgetTables: BudgetTableView[];
  measureHeaders: { text: string; col: PackMeasureColumn }[];
  measures: { cells: MeasureCellView[]; details: string; slide: string }[];
  /** the 備考 column of the measures, dropped when no measure has details */
  hasDetails: boolean;
  measuresKeep: boolean;
  series: string[];
  empty: boolean;
}

const NUMERIC = /^約?[\d,.]+(?:[十百千万億兆]+[\d,.]*)*(?:[^\s\d]{0,4})$|^[－\-ー―]$/u;
const cells = (row: readonly TableCell[], numeric: (k: number) => boolean, marksOf: MarksOf): CellView[] => {
  const marks = rowMarks(row.map((c) => c.at), marksOf);
  return row.map((c, k) => ({ text: c.text, num: numeric(k) && NUMERIC.test(c.text.trim()), marks: marks[k]! }));
};

function listTree(items: readonly ListItem[], marksOf: MarksOf): ListNode[] {
  const root: ListNode[] = [];
  const stack: { level: number; items: ListNode[] }[] = [{ level: 0, items: root }];
  for (const item of items) {
    while (stack.length > 1 && stack.at(-1)!.level >= item.level) stack.pop();
    const node: ListNode = { marker: item.marker, label: item.label, text: item.text, marks: marksOf(item.at), items: [] };
    stack.at(-1)!.items.push(node);
    stack.push({ level: item.level, items: node.items });
  }
  return root;
}

function blockHtml(view: BlockView, chartOf: (view: BlockView['charts'][number]) => string, marksOf: MarksOf): BlockHtmlView {
  const block: Block = view.block;
  const caption = view.caption ? `${view.caption.number}　${view.caption.text}` : '';
  switch (block.kind) {
    case 'heading':
      return { partial: 'block-heading', text: block.text, marks: marksOf(block.at) };
    case 'paragraph':
      return { partial: 'block-paragraph', text: block.text, marks: marksOf(block.at) };
    case 'note':
      return { partial: 'block-note', marker: block.marker, text: block.text, marks: marksOf(block.at) };
    case 'list':
      return { partial: 'block-list', items: listTree(block.items, marksOf) };
    case 'fields':
      return { partial: 'block-fields', fields: block.fields.map((f) => ({ label: f.label, text: f.text, marks: marksOf(f.at) })) };
    case 'other':
      return { partial: 'block-other', items: block.items.map((i) => ({ text: i.text.replace(/\s*\n\s*/g, ' '), marks: marksOf(i.at) })) };
    case 'chart':
      return { partial: 'block-chart', caption, items: block.items.map((i) => ({ label: i.label, printed: i.printed })) };
    case 'table': {
      const numeric = block.role !== 'contacts' && block.role !== 'places' && block.role !== 'sheet';
      const header = block.header.map((r) => cells(r, () => false, marksOf));
      const rows = block.rows.map((r) => cells(r, (k) => numeric && k > 0, marksOf));
      return {
        partial: 'block-table',
        role: block.role,
        caption,
        header,
        rows,
        bands: tableBands(block.role, header, rows),
        keep: block.header.length + block.rows.length <= KEEP_TOGETHER_ROWS,
        charts: view.charts.map((c) => ({ svg: chartOf(c), caption: `${c.figure.number}　${c.figure.text}`, note: c.note })),
      };
    }
  }
}

const slideList = (ns: readonly number[]) => ns.map((n) => `スライド${n}`).join('、');

type BudgetRow = ProgramView['budgets']['own'][number];

function budgetTable(caption: string, subjectHeader: string, rows: readonly BudgetRow[]): BudgetTableView[] {
  if (rows.length === 0) return [];
  const cells = rows.map((r) => ({ label: r.label, subject: r.subject ?? '', amount: r.amount, notes: r.notes.join('。'), slides: slideList(r.slides) }));
  return [{ caption, subjectHeader, hasSubject: cells.some((c) => c.subject !== ''), hasNotes: cells.some((c) => c.notes !== ''), keep: cells.length < KEEP_TOGETHER_ROWS, rows: cells }];
}

function summaryView(view: ProgramView): SummaryView {
  const table = packMeasureColumns(view.measures.columns);
  const measures = view.measures.rows.map((r) => ({
    cells: table.cells(r),
    details: r.details.join('。'),
    slide: `スライド${r.slide}`,
  }));
  return {
    budgetTables: [
      ...budgetTable('予算', '対象', view.budgets.own),
      ...budgetTable('地方債計画額', '地方債', view.budgets.plans),
      ...budgetTable('参考：他府省所管の事業の予算', '事業（所管）', view.budgets.references),
    ],
    measureHeaders: table.headers,
    measures,
    hasDetails: measures.some((m) => m.details !== ''),
    measuresKeep: measures.length < KEEP_TOGETHER_ROWS,
    series: view.series.map((s) => `${s.label}：${s.span}（${s.figure}、スライド${s.slide}）`),
    empty: view.budgets.own.length + view.budgets.plans.length + view.budgets.references.length + view.measures.rows.length === 0,
  };
}

/** Draws a series' chart as SVG (seriesChartSvg, or one kept from an earlier run: KeptCharts). */
export type DrawChart = (series: Series, target: SeriesTarget | null, style: ChartStyle) => string;

/**
 * The sections of all programs, in the order of the contact list, from their views: the slides'
 * blocks as partials (with the marks of what changed since the previous edition), the charts
 * drawn once per series (by `draw`: a run may take them from the last), the summary and the contacts.
 */
export function programSections(views: readonly ProgramView[], targetOf: (seriesId: string) => SeriesTarget | null, marksOf: MarksOf = () => [], draw: DrawChart = seriesChartSvg): ProgramSection[] {
  return views.map((view) => ({
    anchor: view.anchor,
    selector: `#${view.anchor}`,
    pageName: view.anchor,
    no: view.program.no,
    name: view.program.name,
    slides: view.slideRange,
    header: `${view.program.no}　${view.program.name}`,
    slideSections: view.slides.map((s) => ({
      anchor: s.anchor,
      index: s.index,
      title: s.title,
      blocks: s.blocks.map((b) => blockHtml(b, (c) => draw(c.series, targetOf(c.series.id), { fontFamily: FONT_FAMILY, title: `${c.figure.number} ${c.figure.text}`, description: c.description }), marksOf)),
    })),
    summary: summaryView(view),
    contacts: view.contacts,
  }));
}
