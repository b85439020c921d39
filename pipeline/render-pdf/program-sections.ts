import type { Briefing } from '../../schemas/briefing.ts';
import type { Series } from '../../schemas/figures.ts';
import type { ProgramDocument } from '../render-markdown/index.ts';
import { slideRanges } from '../views/slide-ranges.ts';
import { seriesChartSvg } from '../views/chart.ts';
import { programBodyHtml } from './markdown-html.ts';
import { seriesTarget } from '../views/series-target.ts';
import { FONT_FAMILY } from './fonts.ts';

/** The part of a program document a pack uses. */
export type PackDocument = Pick<ProgramDocument, 'program' | 'markdown' | 'frontMatter'>;

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
  bodyHtml: string;
}

/** "prog-01" … "prog-31": anchors and page names from the order of the contact list, never from its text. */
export function programAnchor(order: number): string {
  return `prog-${String(order).padStart(2, '0')}`;
}

/**
 * The sections of all programs, in the order of the contact list, from their Markdown documents;
 * a chart image resolves to its series by the front matter's `charts`, else by the image title
 * (the series id). A program without a document is an error, not a gap in the pack.
 */
export function programSections(briefing: Briefing, documents: readonly PackDocument[]): ProgramSection[] {
  const charts = new Map<string, string>();
  const chartOf = (series: Series) => {
    if (!charts.has(series.id)) charts.set(series.id, seriesChartSvg(series, seriesTarget(briefing, series), { fontFamily: FONT_FAMILY }));
    return charts.get(series.id)!;
  };
  return [...briefing.programs]
    .sort((a, b) => a.order - b.order)
    .map((program) => {
      const document = documents.find((d) => d.program === program.no);
      if (!document) throw new Error(`no Markdown document for program ${program.no} ${program.name}`);
      const chartSvg = (src: string, title: string | null) => {
        const id = document.frontMatter.charts.find((c) => c.src === src)?.series ?? title;
        const series = briefing.series.find((s) => s.id === id);
        return series ? chartOf(series) : null;
      };
      const anchor = programAnchor(program.order);
      return {
        anchor,
        selector: `#${anchor}`,
        pageName: anchor,
        no: program.no,
        name: program.name,
        slides: slideRanges(program.slides),
        header: `${program.no}　${program.name}`,
        bodyHtml: programBodyHtml(document.markdown, { chartSvg }),
      };
    });
}
