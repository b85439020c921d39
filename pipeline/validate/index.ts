import { Briefing } from '../../schemas/briefing.ts';
import type { Check } from '../../schemas/checks.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import type { CheckOutcome, Finding, ValidationReport } from '../../schemas/validation.ts';
import { GENERIC_RULES } from '../checks/index.ts';
import { displayPath } from '../lib/display-path.ts';
import type { RuleFigure } from '../checks/rule.ts';
import { InputError } from '../lib/errors.ts';
import type { LoadedChecks } from './checks-file.ts';
import { evaluate } from './relations/index.ts';
import type { RelationResult, Resolver, RoleFigure } from './relations/types.ts';
import { sameTerm } from './same-term.ts';
import { onePerFigure } from './one-per-figure.ts';
import { programNo } from './program-key.ts';
import type { SourceLines } from './source-lines.ts';
import { figureCatalog, type CatalogEntry } from './catalog.ts';
import { explainMiss } from './miss.ts';
import { SelectorError, selectFigures, selectorText, selectRows, type Figure, type SelectContext } from './select.ts';
import { wordsHoldingFigure } from './selector-words.ts';
import { renderStatement, writtenOutFigures, type FilledFields } from './statement.ts';
import type { FigureSelector } from '../../schemas/checks.ts';

/** The briefing, its lines (text and, where known, raw lines and PDF pages) and the checks file. */
export interface ValidateInput extends Pick<SourceLines, 'lineText'>, Partial<Omit<SourceLines, 'lineText'>> {
  briefing: Briefing;
  checks: LoadedChecks | null;
}

/**
 * Validate a parsed briefing: its schema, the generic rules, then the declared checks. Pure: the
 * result is a report of located findings; a checks file naming figures that do not exist is an
 * input error (exit 2), not a finding.
 */
export function validate(input: ValidateInput): ValidationReport {
  const { briefing, checks } = input;
  const source = briefing.source.file;
  const findings: Finding[] = [];
  const outcomes: CheckOutcome[] = [];

  const schema = Briefing.safeParse(briefing);
  if (!schema.success) {
    for (const issue of schema.error.issues) {
      findings.push(finding({ ruleId: 'schema', severity: 'error', message: `${issue.path.join('.')}: ${issue.message}`, file: source, at: null }));
    }
  }

  // Generic rules.
  const acks = checks?.checks.acknowledge ?? [];
  const usedAcks = new Set<number>();
  for (const rule of GENERIC_RULES) {
    rule.run({
      briefing,
      lineText: input.lineText,
      outcome: (o) => {
        const figures = o.figures.map(toChecked);
        const programs = unique(o.figures.map((f) => f.program));
        const ackIndex = o.pass ? -1 : acks.findIndex((a) => a.rule === rule.id && (a.program === undefined || programs.includes(programNo(briefing, a.program))) && (a.printed === undefined || o.figures.some((f) => f.printed === a.printed)));
        if (ackIndex >= 0) usedAcks.add(ackIndex);
        const status = o.pass ? 'pass' : ackIndex >= 0 ? 'acknowledged' : 'fail';
        outcomes.push({ id: o.id, statement: o.statement, relation: rule.id, status, programs, figures, detail: o.detail });
        if (o.pass) return;
        const at = o.at ?? o.figures[0]?.at ?? null;
        findings.push(
          finding({
            ruleId: rule.id,
            severity: ackIndex >= 0 ? 'warning' : (rule.severity ?? 'error'),
            message: `${o.statement}: ${o.detail}`,
            expected: o.expected ?? null,
            actual: o.actual ?? null,
            note: ackIndex >= 0 ? `acknowledged: ${acks[ackIndex]!.reason}` : null,
            programs,
            file: source,
            at,
            related: o.figures.map((f) => f.at).filter((p) => p !== at),
          }),
        );
      },
    });
  }
  acks.forEach((a, i) => {
    if (usedAcks.has(i)) return;
    const place = checks!.locate(['acknowledge', i]);
    findings.push(finding({ ruleId: 'checks-stale-acknowledgement', severity: 'warning', message: `the acknowledgement of ${a.rule}${a.printed ? ` ${a.printed}` : ''} matches no finding: remove it`, file: checks!.path, at: place ? point(place) : null }));
  });

  // Declared checks.
  if (checks) {
    const ctx: SelectContext = { briefing, constants: checks.checks.constants, lineText: input.lineText, rawLine: input.rawLine, pageOf: input.pageOf };
    const unknown: InputError[] = [];
    let listed: CatalogEntry[] | null = null;
    const catalog = () => (listed ??= figureCatalog(ctx));
    checks.checks.checks.forEach((check, i) => {
      const run = runCheck(check, i, { ctx, checks, unknown, catalog });
      findings.push(...run.findings);
      // the statement as this edition's figures fill it
      const statement = renderStatement(check.statement, run.filled);
      if (run.gone.length > 0) {
        // the text lost a figure the check names: an error of the briefing, at its line; the check cannot hold
        outcomes.push({ id: check.id, statement, relation: check.relation, status: 'fail', programs: [], figures: [], detail: 'a figure it names is gone from the briefing' });
        findings.push(...run.gone.map((g) => finding({ ...g, checkId: check.id, message: `${check.id}: ${statement} — ${g.message}` })));
        return;
      }
      const result = run.result;
      if (!result) return;
      const programs = unique(result.figures.map((f) => f.program));
      const ack = check.acknowledged;
      // An acknowledgement pins the inconsistency it accepts: other figures are a new error.
      const pinned = ack !== undefined && (ack.expected === undefined || ack.expected === result.expected) && (ack.actual === undefined || ack.actual === result.actual);
      const status = result.pass ? 'pass' : pinned ? 'acknowledged' : 'fail';
      outcomes.push({ id: check.id, statement, relation: check.relation, status, programs, figures: result.figures.map(toChecked), detail: result.detail });
      for (const w of writtenOutFigures(check.statement, run.filled)) {
        const place = checks.locate(['checks', i, 'statement']);
        findings.push(finding({ ruleId: 'checks-statement-figure', checkId: check.id, severity: 'warning', message: `${check.id}: the statement writes out 「${w.written}」, the figure ${w.printed} of the check: write {${w.field}} instead, so that next year's statement shows next year's figure`, file: checks.path, at: place ? point(place) : null }));
      }
      const primaryAt = result.primary.at ?? result.figures.find((f) => f.at)?.at ?? null;
      const related = result.figures.map((f) => f.at).filter((p): p is Provenance => p !== null && p !== primaryAt);
      if (!result.pass) {
        findings.push(
          finding({
            ruleId: check.relation,
            checkId: check.id,
            severity: pinned ? 'warning' : 'error',
            message: `${check.id}: ${statement} — ${result.detail}`,
            expected: result.expected,
            actual: result.actual,
            note: pinned
              ? `acknowledged: ${ack!.reason}`
              : ack
                ? `acknowledged for expected ${ack.expected} / actual ${ack.actual}, but the figures changed; ${figureLines(result.figures)}`
                : figureLines(result.figures),
            programs,
            file: source,
            at: primaryAt,
            related,
          }),
        );
      } else if (check.acknowledged) {
        const place = checks.locate(['checks', i, 'acknowledged']);
        findings.push(finding({ ruleId: 'checks-stale-acknowledgement', checkId: check.id, severity: 'warning', message: `${check.id} is acknowledged as inconsistent but now holds: remove "acknowledged"`, file: checks.path, at: place ? point(place) : null, programs }));
      }
    });
    // Every selector that matches nothing, at once: a new edition's checks file is fixed in one pass.
    if (unknown.length > 0) throw InputError.together(unknown);
  }

  const merged = onePerFigure(findings, source);
  const errors = merged.filter((f) => f.severity === 'error').length;
  return {
    schemaVersion: 1,
    edition: briefing.edition,
    source: { file: source, sha256: briefing.source.sha256 },
    checksFile: checks ? displayPath(checks.path) : null,
    summary: {
      errors,
      warnings: merged.filter((f) => f.severity === 'warning').length,
      checksPassed: outcomes.filter((o) => o.status === 'pass').length,
      checksFailed: outcomes.filter((o) => o.status === 'fail').length,
      acknowledged: outcomes.filter((o) => o.status === 'acknowledged').length,
    },
    checks: outcomes,
    findings: sortFindings(merged),
  };
}

/** What may stand between a year and the count told in it: 「で」「に」「は」「、」, 「第」 or a counter word such as 「設立」. */
const YEAR_OF_COUNT = /^[\s\u3000]*(?:で|に|は|、|には|では)?[\s\u3000]*(?:第|設立|創設|開始|実施)?[\s\u3000]*$/;

interface CheckRun {
  result: RelationResult | null;
  /** the figures each field of the check named, for its statement */
  filled: FilledFields;
  /** figures its selectors name that the text no longer holds, located on the briefing line */
  gone: Finding[];
  /** warnings about its selectors (words that hold the figure they select) */
  findings: Finding[];
}

interface CheckContext {
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
function runCheck(check: Check, index: number, { ctx, checks, unknown, catalog }: CheckContext): CheckRun {
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
    const hints = why.nearest.map((e) => `${err.miss === 'many' ? '' : 'did you mean '}${selectorText(e.selector)}  → ${e.printed} (line ${e.at?.line ?? '-'})`);
    const reason = why.reason === err.message ? err.message : `${err.message}${err.miss === 'many' ? ';' : ':'} ${why.reason}`;
    unknown.push(new InputError(`check "${check.id}": ${reason}`, { file: checks.path, ruleId: 'checks-unknown-figure', line: place?.line, column: place?.column, hints }));
  };
  const watch = (sel: FigureSelector, figures: readonly Figure[], path: (string | number)[]) => {
    const held = wordsHoldingFigure(sel, figures);
    if (!held) return;
    const place = placeOf(path);
    warnings.push(finding({ ruleId: 'checks-selector-holds-figure', checkId: check.id, severity: 'warning', message: `${check.id}: the words 「${held.words}」 of this selector hold the figure ${held.printed} it selects — when the figure changes, the selector breaks: select by the words around it`, file: checks.path, at: place ? point(place) : null }));
  };
  const resolve: Resolver = {
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
  const missing = () => unknown.length > before || gone.length > 0;
  try {
    const result = check.relation === 'same-term' ? sameTerm(check, ctx.briefing, ctx.lineText) : evaluate(check, resolve, ctx.briefing.fiscalYear);
    return { result: missing() ? null : result, filled, gone, findings: warnings };
  } catch (err) {
    if (err instanceof SelectorError) {
      record(err, check.relation === 'same-term' ? ['terms'] : check.relation === 'row-sum' ? ['rows'] : []);
      return { result: null, filled, gone, findings: warnings };
    }
    if (missing()) return { result: null, filled, gone, findings: warnings }; // a relation over figures of which some are missing
    throw err;
  }
}

function toChecked(f: RuleFigure | RoleFigure) {
  const at = f.at ?? { line: 1, column: 1, endLine: 1, endColumn: 1, raw: '' };
  return { role: f.role, label: f.label, value: f.value, printed: f.printed, program: f.program, at };
}

function figureLines(figures: RoleFigure[]): string {
  return figures.map((f) => `${f.role} ${f.printed}${f.at ? ` (line ${f.at.line})` : ' (constant)'}`).join('; ');
}

function point(place: { line: number; column: number }): Provenance {
  return { line: place.line, column: place.column, endLine: place.line, endColumn: place.column, raw: '' };
}

function unique(xs: (string | null)[]): string[] {
  return [...new Set(xs.filter((x): x is string => x !== null))];
}

function finding(f: Partial<Finding> & Pick<Finding, 'ruleId' | 'severity' | 'message' | 'file' | 'at'>): Finding {
  return { checkId: null, expected: null, actual: null, note: null, programs: [], related: [], breaks: [], ...f };
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0));
}
