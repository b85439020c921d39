import type { FigureSelector } from '../../schemas/checks.ts';
import type { Figure } from './select.ts';
import { specOf, WORD_FIELDS, wordsOf } from './selector-spec.ts';

const NUMBER = /[0-9０-９][0-9０-９,，.．]*/gu;

function ascii(number: string): string {
  return number.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[,，]/g, '').replace(/．/g, '.');
}

/**
 * Words of a selector that contain the very number it selects ("line: 期限を3年間延長（" for the 3):
 * such a selector stops matching as soon as the figure changes, which is when the check matters.
 */
export function wordsHoldingFigure(selector: FigureSelector, figures: readonly Figure[]): { words: string; printed: string } | null {
  const spec = specOf(selector);
  for (const field of WORD_FIELDS) {
    for (const w of wordsOf(spec[field])) {
      const inWords = new Set([...w.matchAll(NUMBER)].map((m) => ascii(m[0])));
      for (const f of figures) {
        if (!f.at) continue;
        const own = [...f.printed.matchAll(NUMBER)].map((m) => ascii(m[0]));
        if (own.some((n) => inWords.has(n))) return { words: w, printed: f.printed };
      }
    }
  }
  return null;
}
