import type { Briefing } from '../../../schemas/briefing.ts';
import type { Block } from '../../../schemas/content.ts';
import type { SlideSegment } from '../segment.ts';
import { blockOf, slideContent } from './index.ts';

type FigureKey = 'budgets' | 'measures' | 'rates' | 'shares' | 'shareGroups' | 'series' | 'breakdowns' | 'quantities' | 'tableRows' | 'dates' | 'places' | 'sheets';
const FIGURE_KEYS: FigureKey[] = ['budgets', 'measures', 'rates', 'shares', 'shareGroups', 'series', 'breakdowns', 'quantities', 'tableRows', 'dates', 'places', 'sheets'];

/**
 * The last parse stage: the content of every slide (its title and blocks), and for every figure
 * the block it stands in — so a figure in a table cell of the pack can be traced to its line, and
 * a reader's view can show a figure where the slide printed it.
 */
export function withContent(briefing: Briefing, segments: readonly SlideSegment[]): Briefing {
  const byIndex = new Map(segments.map((s) => [s.index, s]));
  const blocksOf = new Map<number, Block[]>();
  const slides = briefing.slides.map((slide) => {
    const segment = byIndex.get(slide.index)!;
    const onSlide = <T extends { slide: number }>(items: readonly T[]) => items.filter((f) => f.slide === slide.index);
    const program = briefing.programs.find((p) => p.no === slide.program);
    const contacts = slide.assignment.rule === 'contact-list' ? briefing.programs.filter((p) => p.at.line >= slide.startLine && p.at.line <= slide.endLine) : [];
    const content = slideContent(
      segment,
      { series: onSlide(briefing.series), tableRows: onSlide(briefing.tableRows), places: onSlide(briefing.places), shareGroups: onSlide(briefing.shareGroups), breakdowns: onSlide(briefing.breakdowns), contacts },
      program?.name ?? null,
    );
    blocksOf.set(slide.index, content.blocks);
    return { ...slide, title: content.title.text, titleAt: content.title.at, blocks: content.blocks };
  });
  const linked = { ...briefing, slides } as Briefing;
  for (const key of FIGURE_KEYS) {
    (linked[key] as { slide: number; at?: Briefing['budgets'][number]['at']; block: string | null }[]) = (briefing[key] as never[]).map((f: { slide: number; at?: Briefing['budgets'][number]['at']; block: string | null; copies?: { startLine: number }[] }) => {
      const blocks = blocksOf.get(f.slide) ?? [];
      const at = f.at ?? null;
      const block = at ? blockOf(blocks, at) : (blocks.find((b) => b.kind === 'table' && b.role === 'sheet')?.id ?? null);
      return { ...f, block };
    });
  }
  return linked;
}
