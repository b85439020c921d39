import { escapeRegExp as escape } from '../lib/regexp.ts';
import type { Figure } from './select.ts';

/**
 * Statements of declared checks are templates: 「活動経費の上限 {total} = 報償費等 {parts.0} + その他活動経費
 * {parts.1}」. A placeholder names a field of the check (`total`, `value`, `limit`, `from` …), a list
 * field as a whole (`{parts}`, joined with 「、」) or one of its entries (`{parts.0}`). Filled with the
 * figures as this edition prints them, so no output ever shows last year's numbers.
 */
const PLACEHOLDER = /\{([a-z]+)(?:\.(\d+))?\}/g;

/** The placeholders of a statement: [field, index or null, offset]. */
export function placeholders(template: string): { field: string; index: number | null; offset: number }[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => ({ field: m[1]!, index: m[2] === undefined ? null : Number(m[2]), offset: m.index }));
}

/** The figures a check's fields named, by field and by field.index (filled as the check is evaluated). */
export type FilledFields = Map<string, Figure[]>;

/** The statement with its placeholders filled from the figures; one the check could not fill shows 「…」. */
export function renderStatement(template: string, filled: FilledFields): string {
  return template.replace(PLACEHOLDER, (_, field: string, index?: string) => {
    const figures = filled.get(index === undefined ? field : `${field}.${index}`);
    // a count or constant is its bare number (1788): written with separators as the briefing writes numbers
    const shown = (f: Figure) => (/^\d{4,}$/.test(f.printed) ? Number(f.printed).toLocaleString('en-US') : f.printed);
    return figures && figures.length > 0 ? figures.map(shown).join('、') : '…';
  });
}

/**
 * Figures the statement writes out instead of naming: 「520万円」 where `{total}` prints 520万円. Next
 * year the figure changes and the statement would show the old one. Only figures with at least two
 * digits count (「1」 in 「（1）」 is a heading number, not the figure). Each with the placeholder that
 * names it (the entry `{parts.0}` before the list `{parts}`) and the text as the statement writes it.
 */
export function writtenOutFigures(template: string, filled: FilledFields): { printed: string; field: string; written: string }[] {
  const text = template.replace(PLACEHOLDER, (m) => ' '.repeat(m.length));
  const found: { printed: string; field: string; written: string; offset: number; figure: Figure }[] = [];
  const entries = [...filled].sort(([a], [b]) => Number(b.includes('.')) - Number(a.includes('.')));
  for (const [field, figures] of entries) {
    if (field.includes('.') && figures.length !== 1) continue;
    for (const f of figures) {
      const digits = f.printed.replace(/[^0-9]/g, '');
      // a figure is named once: by its entry (parts.0), not again by its list (parts)
      if (digits.length < 2 || found.some((x) => x.figure.at === f.at && x.figure.printed === f.printed)) continue;
      // as printed, or its number with whatever unit the statement puts after it
      const number = /[0-9][0-9,.]*[0-9]|[0-9]/.exec(f.printed)?.[0] ?? '';
      const free = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => ({ offset: m.index + m[1]!.length, written: m[2]! })).find((m) => !found.some((x) => x.offset === m.offset));
      const hit = free(new RegExp(`(^|[^0-9,.])(${escape(f.printed)})(?![0-9])`, 'g')) ?? free(new RegExp(`(^|[^0-9,.])(${escape(number)})(?![0-9])`, 'g'));
      if (hit) found.push({ printed: f.printed, field, figure: f, ...hit });
    }
  }
  return found.map(({ printed, field, written }) => ({ printed, field, written }));
}
