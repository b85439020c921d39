import { cited } from '../lib/cite.ts';
import { parseDocument } from 'yaml';
import type { FigureSelector } from '../../schemas/checks.ts';
import type { ChecksFile } from '../../schemas/checks.ts';
import { parseChecks } from '../validate/checks-file.ts';
import { FIGURE_KINDS, figureCatalog, type CatalogEntry } from '../validate/catalog.ts';
import { explainMiss } from '../validate/miss.ts';
import { figuresOrNone, SelectorError, selectFigures, selectorText, type SelectContext } from '../validate/select.ts';
import { holdsDigits, specOf } from '../validate/selector-spec.ts';

/** A selector of the copied checks file, by where it stands. */
interface Placed {
  checkId: string;
  path: (string | number)[];
  selector: FigureSelector;
}

export interface Reanchored {
  /** the checks file with year-bound selectors rewritten (comments and layout kept) */
  text: string;
  /** checks dropped because a program they name is gone from the new briefing */
  dropped: string[];
  /** Markdown for the person who prepares the new edition: what was rewritten, what still needs a hand */
  review: string;
}

const KINDS = new Set<string>([...FIGURE_KINDS, 'places', 'constant']);

/**
 * `briefing init --source`: the copied checks, re-read against the new briefing. A selector whose
 * words hold digits (a year: 「令和8年度に」) is rewritten, where the last edition allows, to the
 * digit-free selector `briefing figures` gives for the same figure there; then every selector is
 * tried on the new text, and each that names no figure (or too many) goes into the review list
 * with the reason and the nearest figures of the new text. Pure: texts and parsed editions in.
 */
export function reanchorChecks(checksText: string, checksPath: string, previous: SelectContext, next: SelectContext, removed: ReadonlySet<string> = new Set(), programsSection: (dropped: readonly string[]) => readonly string[] = () => []): Reanchored {
  // a hand-edited file that does not parse is refused where it is wrong, before anything is written
  const parsed = parseChecks(checksText, checksPath).checks;
  const doc = parseDocument(checksText);
  const old = { ...previous, constants: parsed.constants };
  const now = { ...next, constants: parsed.constants };
  let oldCatalog: CatalogEntry[] | null = null;
  let newCatalog: CatalogEntry[] | null = null;
  const drops = dropsFor(checksText, doc, parsed, removed);
  /** replacements of selector text, by range: the rest of the file stays byte for byte */
  const edits = [...drops.edits];
  const lists: ReviewLists = { rewrites: [], shifted: [], kept: [], missing: [] };
  const flowRange = (path: (string | number)[]) => {
    const node = doc.getIn(['checks', ...path], true) as { range?: [number, number, number]; flow?: boolean } | undefined;
    return node?.flow ? node.range : undefined;
  };
  for (const placed of selectorsOf(parsed)) {
    if (drops.dropped.has(placed.path[0] as number)) continue;
    let selector = placed.selector;
    const many = Array.isArray(parentOf(parsed, placed.path));
    const range = flowRange(placed.path);
    const change = (to: FigureSelector, list: string[]) => {
      edits.push({ start: range![0], end: range![1], text: selectorText(to) });
      list.push(`- \`${placed.checkId}\`: \`${selectorText(selector)}\` → \`${selectorText(to)}\``);
      selector = to;
    };
    // a label naming the last edition's year (R6当初予算額) names the new one's where only that names a figure
    const moved = shiftEditionYear(selector, previous.briefing.era.year, next.briefing.era.year);
    if (moved && range && figuresOrNone(selector, now, many).length === 0 && figuresOrNone(moved, now, many).length > 0) {
      change(moved, lists.shifted);
      continue;
    }
    if (holdsDigits(selector)) {
      const replacement = yearFree(selector, old, () => (oldCatalog ??= figureCatalog(old)));
      // a selector written on one line ({ quantity: { … } }) is replaced by one; a block-style one is left to the reader
      if (replacement && range) change(replacement, lists.rewrites);
      else lists.kept.push(`- \`${placed.checkId}\` (${placed.path.slice(1).join('.')}): \`${selectorText(selector)}\``);
    }
    const miss = missOf(selector, now, many, () => (newCatalog ??= figureCatalog(now)));
    if (miss) lists.missing.push([`- \`${placed.checkId}\` (${placed.path.slice(1).join('.')}): \`${selectorText(selector)}\` — ${miss.reason}`, ...miss.nearest].join('\n'));
  }
  let text = edits.sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), checksText);
  if (drops.structural) {
    const edited = parseDocument(text);
    for (const i of [...drops.dropped].sort((a, b) => b - a)) edited.deleteIn(['checks', i]);
    text = edited.toString({ lineWidth: 0 });
  }
  const dropped = [...drops.dropped].map((i) => parsed.checks[i]!.id);
  return { text, dropped, review: reviewMarkdown(lists, dropped, programsSection(dropped)) };
}

interface ReviewLists {
  rewrites: string[];
  shifted: string[];
  /** selectors with digits in their words that no year-free selector names alone */
  kept: string[];
  missing: string[];
}

/** Why a selector names no figure of the new briefing, with the nearest ones; null when it does. */
function missOf(selector: FigureSelector, now: SelectContext, many: boolean, catalog: () => readonly CatalogEntry[]): { reason: string; nearest: string[] } | null {
  try {
    selectFigures(selector, now, many);
    return null;
  } catch (err) {
    if (!(err instanceof SelectorError)) throw err;
    const why = explainMiss(err, now, catalog);
    return { reason: why.reason, nearest: why.nearest.map((e) => `  - nearest: \`${selectorText(e.selector)}\` → ${e.printed} (${cited(e.at)})`) };
  }
}

/**
 * The checks that name a removed program, and how to take them out: an item written as 「  - id: …」
 * in a block list is cut out by its lines; any other layout (a flow list, a dash alone on its line)
 * or every check dropped: the YAML document itself loses the items (`structural`).
 */
function dropsFor(checksText: string, doc: ReturnType<typeof parseDocument>, parsed: ChecksFile, removed: ReadonlySet<string>): { dropped: Set<number>; edits: { start: number; end: number; text: string }[]; structural: boolean } {
  const dropped = new Set<number>();
  parsed.checks.forEach((check, i) => {
    if (namesProgram(check, removed)) dropped.add(i);
  });
  const seq = doc.get('checks', true) as { flow?: boolean } | undefined;
  const lineCut = (i: number) => {
    const node = doc.getIn(['checks', i], true) as { range?: [number, number, number] } | undefined;
    if (!node?.range || seq?.flow) return null;
    const start = checksText.lastIndexOf('\n', node.range[0] - 1) + 1;
    if (!/^[ \t]*-[ \t]+$/.test(checksText.slice(start, node.range[0]))) return null;
    const end = node.range[2] >= checksText.length ? checksText.length : checksText.lastIndexOf('\n', node.range[2] - 1) + 1;
    return { start, end: Math.max(end, start), text: '' };
  };
  const cuts = [...dropped].map(lineCut);
  const structural = dropped.size > 0 && (dropped.size === parsed.checks.length || cuts.some((c) => c === null));
  return { dropped, edits: structural ? [] : (cuts as { start: number; end: number; text: string }[]), structural };
}

/** checks-review.md: what init did to the copied checks, and what still needs a hand. */
function reviewMarkdown(lists: ReviewLists, dropped: readonly string[], programs: readonly string[]): string {
  const { rewrites, shifted, kept, missing } = lists;
  const summary = `${rewrites.length} selector${rewrites.length === 1 ? '' : 's'} rewritten without years, ${shifted.length} moved to the new edition's year, ${kept.length} kept with digits, ${dropped.length} check${dropped.length === 1 ? '' : 's'} dropped with their program, ${missing.length} not found in the new briefing`;
  const or = (xs: string[], none = '(none)') => (xs.length ? xs : [none]);
  return [
    '# Checks to review for this edition',
    '',
    `Written by \`briefing init\` from the checks of the last edition: ${summary}.`,
    '',
    '## Rewritten: words that held a year, now the words of the same figure without digits',
    '',
    ...or(rewrites),
    '',
    "## Moved to the new edition's year: labels that named the last edition's year (R6当初予算額 → R7当初予算額)",
    '',
    ...or(shifted),
    '',
    '## Kept: words with digits that no selector without them names alone — check them next year too',
    '',
    ...or(kept),
    '',
    '## Not found in the new briefing: fix these selectors (or the text) before `briefing validate`',
    '',
    ...or(missing, '(none: every selector names a figure of the new briefing)'),
    '',
    ...programs,
  ].join('\n');
}

/** Every figure selector of the checks, with its path under `checks`. */
function selectorsOf(checks: ChecksFile): Placed[] {
  const out: Placed[] = [];
  checks.checks.forEach((check, i) => {
    for (const [field, value] of Object.entries(check)) {
      const visit = (v: unknown, path: (string | number)[]) => {
        if (isSelector(v) && !('constant' in v)) out.push({ checkId: check.id, path, selector: v });
      };
      if (Array.isArray(value)) value.forEach((v, k) => visit(v, [i, field, k]));
      else visit(value, [i, field]);
    }
  });
  return out;
}

function parentOf(checks: ChecksFile, path: (string | number)[]): unknown {
  const [i, field] = path as [number, string];
  return (checks.checks[i] as Record<string, unknown>)[field];
}

function isSelector(v: unknown): v is FigureSelector {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && KINDS.has(keys[0]!);
}


/** The digit-free selector of the figure this selector names in the last edition, if it names exactly one there. */
function yearFree(selector: FigureSelector, old: SelectContext, catalog: () => readonly CatalogEntry[]): FigureSelector | null {
  const found = figuresOrNone(selector, old, true);
  if (found.length !== 1 || !found[0]!.at) return null;
  const at = found[0]!.at;
  const kind = Object.keys(selector)[0];
  const entry = catalog().find((e) => e.kind === kind && e.at?.line === at.line && e.at?.column === at.column);
  // a selector that needs nth only counts matches: worse than words with a year, so kept for review
  return entry && specOf(entry.selector).nth === undefined && !holdsDigits(entry.selector) ? entry.selector : null;
}


/** Whether a check names one of these programs in any of its selectors (or its rows, terms). */
function namesProgram(check: unknown, ids: ReadonlySet<string>): boolean {
  if (ids.size === 0 || !check || typeof check !== 'object') return false;
  if (Array.isArray(check)) return check.some((c) => namesProgram(c, ids));
  return Object.entries(check).some(([k, v]) => (k === 'program' && typeof v === 'string' ? ids.has(v) : namesProgram(v, ids)));
}

/** The selector with the last edition's era year in its strings moved to the new one (R6 → R7, 令和6年度 → 令和7年度); null when it names no such year. */
function shiftEditionYear(selector: FigureSelector, from: number, to: number): FigureSelector | null {
  if (from === to) return null;
  const year = new RegExp(`(R|令和)${from}(?![0-9])`, 'g');
  let changed = false;
  const shift = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const w = v.replace(year, (_, era: string) => `${era}${to}`);
      changed ||= w !== v;
      return w;
    }
    if (Array.isArray(v)) return v.map(shift);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'program' ? x : shift(x)]));
    return v;
  };
  const moved = shift(selector) as FigureSelector;
  return changed ? moved : null;
}
