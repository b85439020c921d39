import { compact } from '../parse/normalize.ts';
import type { Briefing, Program, Slide } from '../../schemas/briefing.ts';
import type { Block, TableBlock } from '../../schemas/content.ts';
import type { Series } from '../../schemas/figures.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { formatEraYear } from '../units/era.ts';
import { budgetRows, measureRow, seriesSpan, usedColumns, type BudgetRows, type MeasureColumn, type MeasureRow } from './figure-rows.ts';
import { slideRanges } from './slide-ranges.ts';

/** A number and a caption: 表1-2 隊員数・自治体数の推移. */
export interface Caption {
  number: string;
  text: string;
}

/** A chart of one series, drawn where its table stands. */
export interface ChartView {
  series: Series;
  figure: Caption;
  /** the chart's text alternative: what it shows, first and last value */
  description: string;
  /** the ※ notes printed right before the table, which qualify the figures */
  note: string | null;
}

/** A block of a slide as every renderer shows it: the block, its caption, the charts drawn from it. */
export interface BlockView {
  block: Block;
  caption: Caption | null;
  charts: ChartView[];
}

export interface SlideView {
  index: number;
  title: string;
  anchor: string;
  blocks: BlockView[];
}

/** One line of a program's contacts: a department of the contact list, or an office a slide gives a number for. */
export interface ContactLine {
  department: string;
  people: string[];
  phones: string[];
  /** where the line comes from when not from the contact list: "スライド65に記載" */
  note: string | null;
}

/** Everything a reader's output shows of one program, the same for the Markdown document and the PDF pack. */
export interface ProgramView {
  program: Program;
  anchor: string;
  slideRange: string;
  slides: SlideView[];
  budgets: BudgetRows;
  measures: { columns: MeasureColumn[]; rows: MeasureRow[] };
  series: { label: string; span: string; figure: string; slide: number }[];
  contacts: ContactLine[];
  checks: { passed: number; acknowledged: number };
}

/** "prog-01" … "prog-31": anchors from the order of the contact list, never from its text. */
export function programAnchor(order: number): string {
  return `prog-${String(order).padStart(2, '0')}`;
}

/** The anchor of a slide's section in a program's section: "prog-01-s03". */
export function slideAnchor(programOrder: number, slide: number): string {
  return `${programAnchor(programOrder)}-s${String(slide).padStart(2, '0')}`;
}

function tableCaption(block: TableBlock, series: readonly Series[], title: string): string {
  const labels = block.series.map((id) => series.find((s) => s.id === id)?.label).filter(Boolean);
  switch (block.role) {
    case 'series':
    case 'year-rows':
      return `${labels.join('・')}の推移`;
    case 'breakdown':
      return block.header[0]?.[0]?.text ?? '内訳';
    case 'places':
      return '都道府県別の一覧';
    case 'contacts':
      return '施策担当者一覧';
    case 'sheet':
      return 'スライドに埋め込まれた表（元データ）';
    default:
      return `${title}（表）`;
  }
}

/**
 * The ※ notes printed right before a table: they qualify its figures, so its charts carry them in
 * their captions. Notes after a table follow its charts anyway and are not repeated.
 */
function notesBefore(blocks: readonly Block[], k: number): string | null {
  const notes: string[] = [];
  for (let j = k - 1; j >= 0 && blocks[j]!.kind === 'note'; j--) {
    const n = blocks[j] as Extract<Block, { kind: 'note' }>;
    notes.unshift(`${n.marker}${n.text}`);
  }
  return notes.length > 0 ? notes.join(' ') : null;
}

function slideViews(program: Program, slides: readonly Slide[], series: readonly Series[]): SlideView[] {
  let tables = 0;
  let figures = 0;
  const number = (kind: '表' | '図', n: number) => `${kind}${program.no}-${n}`;
  return slides.map((slide) => ({
    index: slide.index,
    title: slide.title,
    anchor: slideAnchor(program.order, slide.index),
    blocks: slide.blocks.map((block, k): BlockView => {
      if (block.kind === 'chart') return { block, caption: { number: number('図', ++figures), text: '財源の内訳' }, charts: [] };
      if (block.kind !== 'table') return { block, caption: null, charts: [] };
      const caption = { number: number('表', ++tables), text: tableCaption(block, series, slide.title) };
      const charts = block.series
        .map((id) => series.find((s) => s.id === id))
        .filter((s): s is Series => s !== undefined)
        .map((s) => ({
          series: s,
          figure: { number: number('図', ++figures), text: `${s.label}の推移` },
          description: `${s.label}の推移（${seriesSpan(s.points.map((p) => ({ yearLabel: formatEraYear(p.fiscalYear), value: p.value })), s.unit)}）。データは${caption.number}。`,
          note: notesBefore(slide.blocks, k),
        }));
      return { block, caption, charts };
    }),
  }));
}

function contactLines(program: Program): ContactLine[] {
  const listed = new Set(program.departments.flatMap((d) => d.phones));
  const same = (a: string, b: string) => compact(a) === compact(b);
  const extra = [...new Map(program.slidePhones.filter((p) => !listed.has(p.phone)).map((p) => [p.phone, p])).values()];
  // a number the slide gives for a department of the list goes on that department's line
  const lines: ContactLine[] = program.departments.map((d) => {
    const own = extra.filter((p) => p.office && same(p.office, d.name));
    return { department: d.name, people: d.people, phones: [...d.phones, ...own.map((p) => p.phone)], note: own.length > 0 ? `電話番号はスライド${own[0]!.slide}に記載` : null };
  });
  const others = extra.filter((p) => !program.departments.some((d) => p.office && same(p.office, d.name)));
  return [...lines, ...others.map((p) => ({ department: p.office ?? '（スライドに記載の連絡先）', people: [], phones: [p.phone], note: `スライド${p.slide}に記載` }))];
}

/** The view of one program, from the parsed briefing and its validation. Pure. */
export function programView(briefing: Briefing, report: ValidationReport, program: Program): ProgramView {
  const mine = <T extends { program: string | null; at: { line: number; column: number } }>(items: readonly T[]): T[] =>
    items.filter((f) => f.program === program.no).sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  const anchor = programAnchor(program.order);
  const slides = briefing.slides.filter((s) => program.slides.includes(s.index)).sort((a, b) => a.index - b.index);
  const series = mine(briefing.series);
  const views = slideViews(program, slides, series);
  const rows = mine(briefing.measures).map(measureRow);
  const checks = report.checks.filter((c) => c.programs.includes(program.no));
  return {
    program,
    anchor,
    slideRange: slideRanges(program.slides),
    slides: views,
    budgets: budgetRows(mine(briefing.budgets), (slide) => briefing.slides[slide - 1]?.title ?? `スライド${slide}`),
    measures: { columns: usedColumns(rows), rows },
    series: views.flatMap((v) =>
      v.blocks.flatMap((b) => b.charts.map((c) => ({ label: c.series.label, span: seriesSpan(c.series.points.map((p) => ({ yearLabel: formatEraYear(p.fiscalYear), value: p.value })), c.series.unit), figure: c.figure.number, slide: v.index }))),
    ),
    contacts: contactLines(program),
    checks: { passed: checks.filter((c) => c.status === 'pass').length, acknowledged: checks.filter((c) => c.status === 'acknowledged').length },
  };
}

/** The views of all programs, in the order of the contact list. */
export function programViews(briefing: Briefing, report: ValidationReport): ProgramView[] {
  return [...briefing.programs].sort((a, b) => a.order - b.order).map((p) => programView(briefing, report, p));
}
