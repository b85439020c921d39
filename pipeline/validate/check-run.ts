import { cited } from '../lib/cite.ts';
import type { Check, FigureSelector } from '../../schemas/checks.ts';
import type { Finding } from '../../schemas/validation.ts';
import { displayPath } from '../lib/display-path.ts';
import { InputError } from '../lib/errors.ts';
import type { CatalogEntry } from './catalog.ts';
import type { LoadedChecks } from './checks-file.ts';
import { finding, point } from './findings.ts';
import { explainMiss } from './miss.ts';
import { evaluate } from './relations/index.ts';
import type { RelationResult, Resolver } from './relations/types.ts';
import { findTerm } from './same-term.ts';
import { SelectorError, selectFigures, selectorText, selectRows, type Figure, type SelectContext } from './select.ts';
import { wordsHoldingFigure } from './selector-words.ts';
import type { FilledFields } from './statement.ts';

/** What may stand between a year and the count told in it: 「で」「に」「は」「、」, 「第」 or a counter word such as 「設立」. */
const YEAR_OF_COUNT = /^[\s\u3000]*(?:で|に|は|、|には|では)?[\s\u3000]*(?:第|設立|創設|開始|実施)?[\s\u3000]*$/;

export interface CheckRun {
  result: RelationResult | null;
  /** the figures each field of the check named, for its statement */
  filled: FilledFields;
  /** figures its selectors name that the text no longer holds, located on the briefing line */
  gone: Finding[];
  /** warnings about its selectors (words that hold the figure they select) */
  findings: Finding[];
}

export interface CheckContext {
  ctx: SelectContext;
  checks: LoadedChecks;
  /** selectors that name no figure, with why and what they might mean (located in the checks file) */
  unknown: InputError[];
  catalog: () => readonly CatalogEntry[];
}

/**
 * Evaluate one declared check. A selector that matches nothing is explained (miss.ts): when the
 * briefing line that held its figure is still there without it, that is an error of the briefing
 * on that line (`gone`); otherwise an error of the checks file, recorded in `unknown`, and the check
 * is left out (result null). The other selectors of the check are still tried, so that all of them
 * are reported together.
 */
export function runCheck(check: Check, index: number, { ctx, checks, unknown, catalog }: CheckContext): CheckRun {
  const before = unknown.length;
  const gone: Finding[] = [];
  const warnings: Finding[] = [];
  const filled: FilledFields = new Map();
  // each figure once under a key, in the order the check names them
  const fill = (key: string, figures: readonly Figure[]) => {
    const had = filled.get(key) ?? [];
    filled.set(key, [...had, ...figures.filter((f) => !had.some((h) => h.at === f.at && h.printed === f.printed))]);
  };
  const placeOf = (path: (string | number)[]) => checks.locate(['checks', index, ...path]) ?? checks.locate(['checks', index]);
  const record = (err: unknown, path: (string | number)[]): void => {
    if (!(err instanceof SelectorError)) throw err;
    const place = placeOf(path);
    const why = explainMiss(err, ctx, catalog);
    if (why.gone) {
      const selector = `${selectorText(err.selector!)} at ${displayPath(checks.path)}:${place?.line ?? 1}:${place?.column ?? 1}`;
      gone.push(finding({ ruleId: 'checks-figure-gone', severity: 'error', message: 'a figure the check names is no longer on this line: was the text changed here?', note: `selector ${selector}: ${why.reason}`, file: ctx.briefing.source.file, at: why.gone, programs: [] }));
      return;
    }
    const hints = why.nearest.map((e) => `${err.miss === 'many' ? '' : 'did you mean '}${selectorText(e.selector)}  → ${e.printed} (${cited(e.at)})`);
    const reason = why.reason === err.message ? err.message : `${err.message}${err.miss === 'many' ? ';' : ':'} ${why.reason}`;
    unknown.push(new InputError(`check "${check.id}": ${reason}`, { file: checks.path, ruleId: 'checks-unknown-figure', line: place?.line, column: place?.column, hints }));
  };
  const watch = (sel: FigureSelector, figures: readonly Figure[], path: (string | number)[]) => {
    const held = wordsHoldingFigure(sel, figures);
    if (!held) return;
    const place = placeOf(path);
    warnings.push(finding({ ruleId: 'checks-selector-holds-figure', checkId: check.id, severity: 'warning', message: `${check.id}: the words 「${held.words}」 of this selector hold the figure ${held.printed} it selects — when the figure changes, the selector breaks: select by the words around it`, file: checks.path, at: place ? point(place) : null }));
  };
  const resolve = resolverFor(ctx, { fill, record, watch });
  const missing = () => unknown.length > before || gone.length > 0;
  try {
    const result = evaluate(check, resolve, ctx.briefing.fiscalYear);
    return { result: missing() ? null : result, filled, gone, findings: warnings };
  } catch (err) {
    if (err instanceof SelectorError) {
      record(err, check.relation === 'row-sum' ? ['rows'] : []);
      return { result: null, filled, gone, findings: warnings };
    }
    if (missing()) return { result: null, filled, gone, findings: warnings }; // a relation over figures of which some are missing
    throw err;
  }
}

/** What the resolver tells the check's run about: figures found, selectors that missed, words that hold their figure. */
interface ResolverHooks {
  fill(key: string, figures: readonly Figure[]): void;
  record(err: unknown, path: (string | number)[]): void;
  watch(sel: FigureSelector, figures: readonly Figure[], path: (string | number)[]): void;
}

/** The selectors of one check resolved against the briefing; a selector that misses is recorded and stands in as nothing. */
function resolverFor(ctx: SelectContext, { fill, record, watch }: ResolverHooks): Resolver {
  return {
    one(sel, role, path) {
      try {
        const found = selectFigures(sel, ctx);
        watch(sel, found, path);
        fill(path.join('.'), found.slice(0, 1));
        if (path.length > 1) fill(String(path[0]), found.slice(0, 1));
        return { ...found[0]!, role };
      } catch (err) {
        record(err, path);
        // a stand-in, so that the check's other selectors are tried too; the result is dropped
        return { value: Number.NaN, printed: '', label: '', program: null, at: null, role };
      }
    },
    printedYear(figure) {
      const at = figure.at;
      if (!at) return null;
      const line = ctx.rawLine?.(at.line) ?? ctx.lineText(at.line);
      // only the year the count is told in: 「令和6年度で42回目」, 「令和6年で設立38年」 — the date right before it
      const before = ctx.briefing.dates.find((d) => d.at.line === at.line && d.at.endLine === at.line && d.at.endColumn <= at.column && YEAR_OF_COUNT.test(line.slice(d.at.endColumn - 1, at.column - 1)));
      return before ? { value: before.year, printed: before.printed, label: before.printed, program: before.program, at: before.at, role: 'year' } : null;
    },
    term(term, path) {
      try {
        return findTerm(term, Number(path.at(-1)), ctx);
      } catch (err) {
        record(err, path);
        return { value: Number.NaN, printed: '', label: '', program: null, at: null, role: 'term' };
      }
    },
    rows(sel, path) {
      try {
        return selectRows(sel, ctx);
      } catch (err) {
        record(err, path);
        return [];
      }
    },
    many(sels, role, path) {
      return sels.flatMap((sel, k) => {
        try {
          const found = selectFigures(sel, ctx, true);
          watch(sel, found, [...path, k]);
          fill([...path, k].join('.'), found);
          fill(path.join('.'), found);
          return found.map((f) => ({ ...f, role }));
        } catch (err) {
          record(err, [...path, k]);
          return [];
        }
      });
    },
  };
}
