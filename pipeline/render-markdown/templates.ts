import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FiscalMeasure } from '../../schemas/figures.ts';
import { formatEraYear } from '../units/era.ts';
import { formatYen } from '../units/number.ts';
import { perUnitText } from '../views/formats.ts';
import { templatesDir } from '../lib/paths.ts';

export const TEMPLATE_DIR = templatesDir('markdown');

/** An environment of its own, so that our helpers and partials never leak into another renderer's. */
export function markdownTemplates(dir = TEMPLATE_DIR): typeof Handlebars {
  const env = Handlebars.create();
  // helpers format numbers only: their output never needs Markdown escaping
  env.registerHelper('era', (year: number) => formatEraYear(year));
  env.registerHelper('yen', (yen: number) => formatYen(yen));
  env.registerHelper('perUnit', (unit: FiscalMeasure['perUnit'], perYear: unknown) => perUnitText(unit, perYear === true));
  const partials = join(dir, 'partials');
  for (const name of readdirSync(partials).filter((f) => f.endsWith('.hbs')).sort()) {
    env.registerPartial(basename(name, '.hbs'), readFileSync(join(partials, name), 'utf8'));
  }
  return env;
}

/** A template of templates/markdown compiled for Markdown: no HTML escaping, a missing field is an error. */
export function compileTemplate<T>(env: typeof Handlebars, name: string, dir = TEMPLATE_DIR): (context: T) => string {
  return env.compile<T>(readFileSync(join(dir, `${name}.hbs`), 'utf8'), { noEscape: true, strict: true });
}
