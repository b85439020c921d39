import { hashOf } from '../build/build-state.ts';
import { seriesChartSvg } from '../views/chart.ts';
import type { DrawChart } from './program-sections.ts';

/**
 * The packs' charts, drawn once per run and kept for the next by what they are drawn from — the
 * series, its target, the style — under `salt`, which names the drawing code and the libraries
 * as installed (echarts among them): a rebuild after a budget changed draws none, nor loads
 * echarts. A chart is the same SVG however it was had.
 */
export class KeptCharts {
  readonly #salt: string;
  readonly #earlier: ReadonlyMap<string, string>;
  readonly #kept = new Map<string, string>();
  #drawn = 0;

  constructor(salt: string, earlier: Readonly<Record<string, string>> = {}) {
    this.#salt = salt;
    this.#earlier = new Map(Object.entries(earlier));
  }

  /** the chart of `series`: kept, or drawn now (seriesChartSvg) */
  readonly draw: DrawChart = (series, target, style) => {
    const key = hashOf(this.#salt, 'chart', series, target, style);
    let svg = this.#kept.get(key) ?? this.#earlier.get(key);
    if (svg === undefined) {
      svg = seriesChartSvg(series, target, style);
      this.#drawn++;
    }
    this.#kept.set(key, svg);
    return svg;
  };

  /** charts drawn in this run (the others were kept) */
  drawn(): number {
    return this.#drawn;
  }

  /** this run's charts, by key: what the next run may take */
  kept(): Record<string, string> {
    return Object.fromEntries([...this.#kept].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}
