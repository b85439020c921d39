import type { GenericRule, RuleOutcome } from './rule.ts';

/** Every contact-list program has slides, and every slide a program. */
export const programSlides: GenericRule = {
  id: 'program-slides',
  description: 'every program has slides and every slide a program',
  run(ctx) {
    const out: RuleOutcome[] = [];
    const b = ctx.briefing;
    for (const p of b.programs) {
      if (p.slides.length > 0) continue;
      out.push({ id: `program-slides:${p.no}`, statement: `施策${p.no} ${p.name}にスライドがある`, pass: false, detail: 'no slide is assigned to it', expected: '≥ 1 slide', actual: '0 slides', figures: [], at: p.at });
    }
    for (const s of b.slides) {
      if (s.program !== null || s.assignment.rule === 'contact-list') continue;
      const at = { line: s.startLine, column: 1, endLine: s.startLine, endColumn: 1, raw: s.title };
      out.push({ id: `program-slides:slide-${s.index}`, statement: `スライド${s.index}がいずれかの施策に属する`, pass: false, detail: `"${s.title}" is assigned to no program`, expected: 'a program', actual: 'none', figures: [], at });
    }
    return out;
  },
};
