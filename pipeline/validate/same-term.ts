import { programNo } from './program-key.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { SelectorError, type SelectContext } from './select.ts';
import type { RoleFigure } from './relations/types.ts';

/**
 * The first place a term's pattern matches, on the slides of its program: the word its first group
 * catches ("SEA" of 「SEA（Sports Exchange Advisor」), as a figure of role "term".
 */
export function findTerm(term: { program?: string; pattern: string }, index: number, ctx: Pick<SelectContext, 'briefing' | 'lineText' | 'locate'>): RoleFigure {
  const b = ctx.briefing;
  let re: RegExp;
  try {
    re = new RegExp(term.pattern, 'u');
  } catch (err) {
    throw new SelectorError(`terms[${index}]: not a regular expression: ${(err as Error).message}`);
  }
  for (const slide of b.slides.filter((s) => term.program === undefined || s.program === programNo(b, term.program))) {
    for (let line = slide.startLine; line <= slide.endLine; line++) {
      const m = re.exec(ctx.lineText(line));
      if (!m) continue;
      const word = (m[1] ?? m[0]).replace(/\s+/g, '');
      const at: Provenance = ctx.locate?.(line, m.index, m.index + m[0].length) ?? { line, column: m.index + 1, endLine: line, endColumn: m.index + m[0].length + 1, raw: m[0] };
      return { role: 'term', label: word, value: 1, printed: word, program: slide.program, at };
    }
  }
  throw new SelectorError(`terms[${index}]: the pattern ${term.pattern} matches nothing${term.program ? ` in program ${term.program}` : ''}`);
}
