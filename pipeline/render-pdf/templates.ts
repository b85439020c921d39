import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { placeMarks, textRuns, type TextMark } from '../views/text-runs.ts';
import { TEMPLATE_DIR } from './assets.ts';
import { printable } from './fonts.ts';
import type { LetterView } from './letters.ts';
import type { PackView } from './pack-view.ts';

/** What templates/pdf/measure.hbs is given: the head of a pack, and the front matters to measure. */
export interface MeasureView extends Pick<PackView, 'title' | 'csp' | 'assets' | 'pageCss'> {
  fronts: PackView[];
}

/** What templates/pdf/stamps.hbs is given: one page per pack, its footer naming the pack's edition. */
export interface StampsView extends Pick<PackView, 'title' | 'csp' | 'assets' | 'pageCss'> {
  /** the class of each page, in the order of the packs */
  pages: string[];
}

export interface PackTemplates {
  layout: (view: PackView) => string;
  stamps: (view: StampsView) => string;
  measure: (view: MeasureView) => string;
  letter: (view: LetterView) => string;
}

/**
 * templates/pdf/layout.hbs, stamps.hbs, measure.hbs and letter.hbs with their partials, in a Handlebars environment of
 * its own: HTML escaping on, and a field the view lacks is an error rather than an empty string.
 */
export function compileTemplates(dir = TEMPLATE_DIR): PackTemplates {
  const env = Handlebars.create();
  // text set in runs: amounts, phones and dates never break inside (views/text-runs.ts); escaped here
  const runs = (text: string) => textRuns(text).map((r) => (r.keep ? `<span class="nb">${env.escapeExpression(r.text)}</span>` : env.escapeExpression(r.text)));
  // {{runs text marks}}: the marks of what changed since last year after their figures, each a link to its entry
  env.registerHelper('runs', (text: unknown, ...rest: unknown[]) => {
    const marks = rest.length > 1 && Array.isArray(rest[0]) ? (rest[0] as TextMark[]) : [];
    const printed = printable(String(text ?? ''));
    return new env.SafeString(
      placeMarks(printed, marks.map((m) => ({ ...m, find: m.find.map(printable) })))
        .map((piece) => [...runs(piece.text), piece.mark ? `<a class="change-mark" href="#${env.escapeExpression(piece.mark.id)}">${env.escapeExpression(piece.mark.label)}</a>` : ''].join(''))
        .join(''),
    );
  });
  const partials = join(dir, 'partials');
  for (const name of readdirSync(partials).filter((f) => f.endsWith('.hbs')).sort()) {
    env.registerPartial(basename(name, '.hbs'), readFileSync(join(partials, name), 'utf8'));
  }
  const compile = <T>(name: string) => env.compile<T>(readFileSync(join(dir, `${name}.hbs`), 'utf8'), { strict: true, knownHelpers: { runs: true }, knownHelpersOnly: true });
  return { layout: compile<PackView>('layout'), stamps: compile<StampsView>('stamps'), measure: compile<MeasureView>('measure'), letter: compile<LetterView>('letter') };
}
