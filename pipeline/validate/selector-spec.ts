import type { FigureSelector } from '../../schemas/checks.ts';

/** Fields of a selector that are words to find in the text (never a figure's own name or value). */
export const WORD_FIELDS = ['line', 'before', 'after', 'slide', 'item', 'component'] as const;

/** Digits, and the years they make, are what a new edition changes. */
export const DIGIT = /[0-9０-９]/;

/** The fields of a selector under its kind: { budget: { program, label } } → { program, label }. */
export function specOf(selector: FigureSelector): Record<string, unknown> {
  const spec = Object.values(selector)[0];
  return spec && typeof spec === 'object' ? (spec as Record<string, unknown>) : {};
}

/** The words of a word field: one string, or a list of them. */
export function wordsOf(value: unknown): string[] {
  return typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Words of the selector that hold digits (a year: 「令和8年度に」), which a new edition breaks. */
export function holdsDigits(selector: FigureSelector): boolean {
  const spec = specOf(selector);
  return WORD_FIELDS.some((f) => wordsOf(spec[f]).some((w) => DIGIT.test(w)));
}
