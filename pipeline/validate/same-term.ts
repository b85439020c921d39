import { programNo } from './program-key.ts';
import type { Briefing } from '../../schemas/briefing.ts';
import type { Check } from '../../schemas/checks.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { SelectorError } from './select.ts';
import type { RelationResult, RoleFigure } from './relations/types.ts';

type SameTerm = Extract<Check, { relation: 'same-term' }>;

/** One group of people or things is named the same everywhere ("SEA" on one slide, "SER" on another). */
export function sameTerm(check: SameTerm, b: Briefing, lineText: (line: number) => string): RelationResult {
  const found: RoleFigure[] = check.terms.map((term, i) => {
    let re: RegExp;
    try {
      re = new RegExp(term.pattern, 'u');
    } catch (err) {
      throw new SelectorError(`terms[${i}]: not a regular expression: ${(err as Error).message}`);
    }
    for (const slide of b.slides.filter((s) => term.program === undefined || s.program === programNo(b, term.program))) {
      for (let line = slide.startLine; line <= slide.endLine; line++) {
        const m = re.exec(lineText(line));
        if (!m) continue;
        const word = (m[1] ?? m[0]).replace(/\s+/g, '');
        const at: Provenance = { line, column: m.index + 1, endLine: line, endColumn: m.index + m[0].length + 1, raw: m[0] };
        return { role: 'term', label: word, value: 1, printed: word, program: slide.program, at };
      }
    }
    throw new SelectorError(`terms[${i}]: the pattern ${term.pattern} matches nothing${term.program ? ` in program ${term.program}` : ''}`);
  });
  const odd = found.find((f) => f.printed !== found[0]!.printed);
  return {
    pass: odd === undefined,
    detail: found.map((f) => `"${f.printed}" (line ${f.at?.line})`).join(' vs '),
    expected: found[0]!.printed,
    actual: (odd ?? found[0]!).printed,
    figures: found,
    primary: odd ?? found[0]!,
  };
}
