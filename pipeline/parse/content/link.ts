import type { Briefing } from '../../../schemas/briefing.ts';
import type { Block } from '../../../schemas/content.ts';
import type { Provenance } from '../../../schemas/provenance.ts';
import type { SlideSegment } from '../segment.ts';
import { budgetsInContext } from './budget-context.ts';
import { blockOf, slideContent } from './index.ts';
import { measuresInContext } from './measure-context.ts';

type Located = { slide: number; at?: Provenance; block: string | null };

/**
 * The last parse stage: the content of every slide (its title and blocks); budgets and measures
 * read again in the light of that content (the grant a budget funds, 【参考】 figures, rates and
 * standard amounts without a cap); and for every figure the block it stands in — so a figure in a
 * table cell of the pack can be traced to its line.
 */
export function withContent(briefing: Briefing, segments: readonly SlideSegment[]): Briefing {
  const byIndex = new Map(segments.map((s) => [s.index, s]));
  const slides = briefing.slides.map((slide) => {
    const onSlide = <T extends { slide: number }>(items: readonly T[]) => items.filter((f) => f.slide === slide.index);
    const program = briefing.programs.find((p) => p.no === slide.program);
    const contacts = slide.assignment.rule === 'contact-list' ? briefing.programs.filter((p) => p.at.line >= slide.startLine && p.at.line <= slide.endLine) : [];
    const content = slideContent(
      byIndex.get(slide.index)!,
      { series: onSlide(briefing.series), tableRows: onSlide(briefing.tableRows), places: onSlide(briefing.places), shareGroups: onSlide(briefing.shareGroups), breakdowns: onSlide(briefing.breakdowns), contacts },
      program?.name ?? null,
    );
    return { ...slide, title: content.title.text, titleAt: content.title.at, blocks: content.blocks };
  });
  const blocksOf = (index: number): readonly Block[] => slides[index - 1]?.blocks ?? [];
  const titleOf = (index: number): string => slides[index - 1]?.title ?? '';
  const link = <T extends Located>(items: readonly T[]): T[] =>
    items.map((f) => ({ ...f, block: f.at ? blockOf(blocksOf(f.slide), f.at) : (blocksOf(f.slide).find((b) => b.kind === 'table' && b.role === 'sheet')?.id ?? null) }));
  return {
    ...briefing,
    slides,
    budgets: link(budgetsInContext(briefing.budgets, blocksOf, titleOf)),
    measures: link(measuresInContext(briefing.measures, briefing.rates, blocksOf, segments, titleOf)),
    rates: link(briefing.rates),
    shares: link(briefing.shares),
    shareGroups: link(briefing.shareGroups),
    series: link(briefing.series),
    breakdowns: link(briefing.breakdowns),
    quantities: link(briefing.quantities),
    tableRows: link(briefing.tableRows),
    dates: link(briefing.dates),
    places: link(briefing.places),
    sheets: link(briefing.sheets),
  };
}
