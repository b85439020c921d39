import type { Provenance } from '../../schemas/provenance.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { validateParsed } from '../../pipeline/commands/validate.ts';
import type { LoadedChecks } from '../../pipeline/validate/checks-file.ts';
import { figureCatalog, type CatalogEntry } from '../../pipeline/validate/catalog.ts';
import { sourceLines } from '../../pipeline/validate/source-lines.ts';
import { parseText } from './r6.ts';

const FULL_WIDTH_ZERO = 0xff10;
const SWAP: Record<string, string> = { '½': '¼', '¼': '½', '¾': '½' };

export interface Mutation {
  text: string;
  line: number;
  from: string;
  to: string;
}

/**
 * Change one figure: the first digit of the last number in its text goes up by one (9 becomes 8)
 * — the last number, because a figure's text may start with a label ("R6当初予算額：248百万円") —
 * or a vulgar fraction swaps (½ ↔ ¼).
 */
export function mutate(text: string, lineStarts: readonly number[], at: Provenance): Mutation | null {
  const start = lineStarts[at.line - 1]! + at.column - 1;
  const numbers = [...at.raw.matchAll(/[0-9０-９][0-9０-９,，.．]*/g)];
  const from = numbers.length ? start + numbers.at(-1)!.index! : start;
  for (let i = from; i < start + at.raw.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    let to: string | null = null;
    if (ch >= '0' && ch <= '9') to = ch === '9' ? '8' : String(Number(ch) + 1);
    else if (code >= FULL_WIDTH_ZERO && code <= FULL_WIDTH_ZERO + 9) to = String.fromCharCode(code === FULL_WIDTH_ZERO + 9 ? code - 1 : code + 1);
    else if (SWAP[ch]) to = SWAP[ch]!;
    if (to === null) continue;
    const line = text.slice(0, i).split('\n').length;
    return { text: text.slice(0, i) + to + text.slice(i + 1), line, from: ch, to };
  }
  return null;
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

const placeKey = (at: Provenance) => `${at.line}:${at.column}`;

/** The places of the figures that take part in any relation: generic or declared, passing or not. */
export function relationFigures(report: ValidationReport): Set<string> {
  return new Set(report.checks.flatMap((c) => c.figures.filter((f) => f.at.raw).map((f) => placeKey(f.at))));
}

/** Whether a report has an error on the changed line (at the finding, or among the figures it involves). */
export function caughtOn(report: ValidationReport, line: number): boolean {
  const covers = (p: Provenance | null) => p !== null && p.line <= line && line <= p.endLine;
  return report.findings.some((f) => f.severity === 'error' && (covers(f.at) || f.related.some(covers)));
}

export interface FigureOutcome {
  entry: CatalogEntry;
  mutation: Mutation | null;
  inRelation: boolean;
  generic: boolean;
  declared: boolean;
  /** the parse or the checks refused the changed text */
  refused: string | null;
}

/**
 * Change every figure of the briefing in turn (each figure the figure catalog lists, by place) and
 * validate: with the generic rules alone, and with the declared checks too.
 */
export async function mutateEveryFigure(
  text: string,
  checks: LoadedChecks,
  options: { path?: string; select?: (index: number, inRelation: boolean) => boolean } = {},
): Promise<{ baseline: ValidationReport; outcomes: FigureOutcome[] }> {
  const { briefing } = await parseText(text, options.path);
  const baseline = validateParsed(briefing, { text }, checks);
  const inRelation = relationFigures(baseline);
  const starts = lineStartsOf(text);
  const seen = new Set<string>();
  const entries = figureCatalog({ briefing, constants: checks.checks.constants, ...sourceLines({ text }) }).filter((e) => {
    if (!e.at || seen.has(placeKey(e.at))) return false;
    seen.add(placeKey(e.at));
    return true;
  });
  const outcomes: FigureOutcome[] = [];
  for (const [i, entry] of entries.entries()) {
    if (options.select && !options.select(i, inRelation.has(placeKey(entry.at!)))) continue;
    const mutation = mutate(text, starts, entry.at!);
    const outcome: FigureOutcome = { entry, mutation, inRelation: inRelation.has(placeKey(entry.at!)), generic: false, declared: false, refused: null };
    if (mutation) {
      try {
        const parsed = await parseText(mutation.text, options.path);
        outcome.generic = caughtOn(validateParsed(parsed.briefing, { text: mutation.text }, null), mutation.line);
        outcome.declared = outcome.generic || caughtOn(validateParsed(parsed.briefing, { text: mutation.text }, checks), mutation.line);
      } catch (err) {
        outcome.refused = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      }
    }
    outcomes.push(outcome);
  }
  return { baseline, outcomes };
}

/** Caught / total, for generic rules alone and with the declared checks, over a set of outcomes. */
export function rates(outcomes: readonly FigureOutcome[]): { total: number; generic: number; declared: number } {
  const tried = outcomes.filter((o) => o.mutation !== null);
  return { total: tried.length, generic: tried.filter((o) => o.generic).length, declared: tried.filter((o) => o.declared).length };
}
