import type { Briefing } from '../../schemas/briefing.ts';
import type { Series } from '../../schemas/figures.ts';

/** A goal stated for a series on its slide: 令和8年度に10,000人を目標. */
export interface SeriesTarget {
  fiscalYear: number;
  value: number;
  printed: string;
  line: number;
}

const GOAL = /目標/;

/**
 * The target of a series, read from the briefing rather than typed in: a quantity in the series'
 * unit on a line of the same slide that says 目標, with a fiscal year after the last data point
 * on that line.
 */
export function seriesTarget(briefing: Briefing, series: Series): SeriesTarget | null {
  const lastYear = Math.max(...series.points.map((p) => p.fiscalYear));
  for (const q of briefing.quantities) {
    if (q.slide !== series.slide || q.program !== series.program || q.unit !== series.unit || !GOAL.test(q.context)) continue;
    const year = briefing.dates.find((d) => d.slide === q.slide && d.fiscal && d.at.line === q.at.line && d.year > lastYear);
    if (year) return { fiscalYear: year.year, value: q.value, printed: q.printed, line: q.at.line };
  }
  return null;
}
