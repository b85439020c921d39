import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import type { Series } from '../../schemas/figures.ts';
import { ERAS, toEraYear } from '../units/era.ts';
import { countText } from './formats.ts';
import type { SeriesTarget } from './series-target.ts';

/**
 * echarts through its one-file CommonJS bundle: the same library as its ES modules, loaded in a
 * quarter of the time (the ES build is hundreds of files); loaded with the first chart drawn, so
 * that a build whose charts were all kept from the last one does not load it.
 */
let loaded: typeof Echarts | undefined;
const echarts = () => (loaded ??= createRequire(import.meta.url)('echarts') as typeof Echarts);

/** A reader's machine has its own Japanese fonts: the stack names common ones, then the generic family. */
export const GENERIC_FONTS = "'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, sans-serif";

export interface ChartStyle {
  /** the CSS font family of the chart text; a pack passes the font it embeds */
  fontFamily?: string;
  /** the chart's <title>: its figure number and caption; default "<label>の推移" */
  title?: string;
  /** the chart's <desc>: what it shows in words; default the first and last value */
  description?: string;
}

export const CHART_WIDTH = 680;
export const CHART_HEIGHT = 300;
const BAR = '#2f5d8a';
const GOAL = '#b3261e';
const INK = '#222222';
const GRID = '#d9d9d9';

/** H21, R元, R8: the short year labels of the briefing's own charts, with the Western year under them. */
export function shortYearLabel(year: number): string {
  const { era, eraYear } = toEraYear(year);
  return `${ERAS[era].letter}${eraYear === 1 ? '元' : eraYear}\n${year}`;
}

/**
 * A bar chart of a series by fiscal year, drawn by echarts on the server as SVG; a target after
 * the data (目標) is its own marked point in its year, with a dashed line at its value.
 */
export function seriesChartSvg(series: Series, target: SeriesTarget | null, style: ChartStyle = {}): string {
  const years = yearsOf(series, target);
  const byYear = new Map(series.points.map((p) => [p.fiscalYear, p.value]));
  const unit = series.unit ?? '';
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: style.fontFamily ?? GENERIC_FONTS, color: INK },
      grid: { left: 64, right: 40, top: 44, bottom: 48 },
      legend: target ? { top: 4, left: 64, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 } } : { show: false },
      xAxis: {
        type: 'category',
        data: years.map(shortYearLabel),
        axisTick: { alignWithLabel: true },
        axisLabel: { fontSize: 10, interval: 0, lineHeight: 12 },
        axisLine: { lineStyle: { color: INK } },
      },
      yAxis: {
        type: 'value',
        name: unit ? `（${unit}）` : '',
        nameTextStyle: { fontSize: 10, align: 'right' },
        axisLabel: { fontSize: 10, formatter: (v: number) => countText(v) },
        splitLine: { lineStyle: { color: GRID } },
      },
      series: [
        {
          name: series.label,
          type: 'bar',
          barMaxWidth: 28,
          itemStyle: { color: BAR },
          data: years.map((y) => byYear.get(y) ?? null),
          label: { show: true, position: 'top', fontSize: 9, color: INK, formatter: (p: { value: number | null }) => (p.value === null ? '' : countText(p.value)) },
        },
        ...(target
          ? [
              {
                name: `目標（${target.printed}）`,
                type: 'scatter',
                symbol: 'diamond',
                symbolSize: 14,
                itemStyle: { color: GOAL },
                data: years.map((y) => (y === target.fiscalYear ? target.value : null)),
                // above its mark, clear of the dashed line drawn through the mark at the target's height
                label: { show: true, position: 'top', distance: 10, fontSize: 10, color: GOAL, backgroundColor: '#ffffff', padding: [1, 2], formatter: `目標 ${countText(target.value)}${unit}` },
                markLine: {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { color: GOAL, type: 'dashed', width: 1 },
                  label: { show: false },
                  data: [{ yAxis: target.value }],
                },
              },
            ]
          : []),
      ],
    });
    const first = series.points[0]!;
    const last = series.points.at(-1)!;
    const title = style.title ?? `${series.label}の推移`;
    const description = style.description ?? `${series.label}：${first.yearLabel} ${countText(first.value)}${unit} → ${last.yearLabel} ${countText(last.value)}${unit}`;
    return printableSvg(chart.renderToSVGString({ useViewBox: true }), title, description);
  } finally {
    chart.dispose();
  }
}

/** Every fiscal year from the first point to the last point or the target, so gaps show as gaps. */
function yearsOf(series: Series, target: SeriesTarget | null): number[] {
  const years = series.points.map((p) => p.fiscalYear);
  const first = Math.min(...years);
  const last = Math.max(...years, target?.fiscalYear ?? -Infinity);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * What print needs of the SVG: echarts adds hover styles with per-instance class names and
 * metadata attributes; without them the markup depends only on the data.
 */
function printableSvg(svg: string, title: string, description: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/\s(?:class="zr\d+-cls-\d+"|ecmeta_[a-z_]+="[^"]*"|pointer-events="[^"]*")/g, '')
    .replace(/^<svg ([^>]*)>/, (_, attrs: string) => `<svg role="img" ${attrs}><title>${xmlText(title)}</title><desc>${xmlText(description)}</desc>`);
}

/** Text as XML character data: the five special characters escaped. */
function xmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
