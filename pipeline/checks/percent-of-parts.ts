import { parseNumber, roundTo } from '../units/number.ts';
import { fig, type GenericRule, type RuleOutcome } from './rule.ts';

const NUMBER = '([0-9][0-9,]*(?:\\.[0-9]+)?)';
/**
 * A percentage printed with its two parts: 「1,788団体中1,647団体（92%）」, 「1,788団体のうち1,647団体（92%）」,
 * 「1,647／1,788（92%）」. Part and whole share their unit (or both have none).
 */
const FORMS: { pattern: RegExp; part: number; whole: number }[] = [
  { pattern: new RegExp(`${NUMBER}([^0-9\\s（()）、。]{0,4})(?:中|のうち)[\\s\\u3000]*${NUMBER}\\2[\\s\\u3000]*[（(]${NUMBER}[%％][）)]`, 'g'), whole: 1, part: 3 },
  { pattern: new RegExp(`${NUMBER}([^0-9\\s（()）、。／/]{0,4})[\\s\\u3000]*[／/][\\s\\u3000]*${NUMBER}\\2[\\s\\u3000]*[（(]${NUMBER}[%％][）)]`, 'g'), part: 1, whole: 3 },
];

/**
 * A percentage printed with its part and its whole is their ratio, with the document's rounding:
 * rounded or cut to the digits printed (92% for 92.1…%, 57% for 57.0…%).
 */
export const percentOfParts: GenericRule = {
  id: 'percent-of-parts',
  description: 'a percentage printed with its part and whole is their ratio',
  run(ctx) {
    const out: RuleOutcome[] = [];
    const b = ctx.briefing;
    const percents = b.quantities.filter((q) => q.unit === '%');
    for (const p of percents) {
      const text = ctx.lineText(p.at.line);
      for (const form of FORMS) {
        for (const m of text.matchAll(form.pattern)) {
          const percentAt = m.index + m[0].lastIndexOf(m[4]!);
          if (percentAt !== p.at.column - 1) continue;
          const part = parseNumber(m[form.part]!);
          const whole = parseNumber(m[form.whole]!);
          if (part === null || whole === null || whole === 0) continue;
          const digits = (m[4]!.split('.')[1] ?? '').length;
          const exact = (part / whole) * 100;
          const candidates = [roundTo(exact, digits, 'round'), roundTo(exact, digits, 'floor')];
          const pass = candidates.some((c) => Math.abs(c - p.value) < 1e-9);
          out.push({
            id: `percent-of-parts:${p.id}`,
            statement: `${p.printed}は${m[form.part]}${m[2]} ÷ ${m[form.whole]}${m[2]}`,
            pass,
            detail: `${m[form.part]} ÷ ${m[form.whole]} = ${exact.toFixed(digits + 2)}%; printed ${p.printed}`,
            expected: `${candidates[0]!.toFixed(digits)}%`,
            actual: p.printed,
            figures: [fig('value', '割合', p.value, p.printed, p.program, p.at)],
            at: p.at,
          });
        }
      }
    }
    return out;
  },
};
