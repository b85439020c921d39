import { ERAS } from '../units/era.ts';
import { fig, type GenericRule, type RuleOutcome } from './rule.ts';

/** Years an era had at most (平成 ended in its 31st year, 昭和 in its 64th). */
const LAST_ERA_YEAR: Record<string, number> = { 昭和: 64, 平成: 31 };
/** An era date more than this many years after the edition is a typo (R30 for H30). */
const FUTURE_LIMIT = 10;

/** Dates exist: no 平成35, and no era date decades after the briefing ("R30.11.2" is 2048). */
export const datePlausible: GenericRule = {
  id: 'date-plausible',
  description: 'dates exist and are not impossibly far in the future',
  run(ctx) {
    const out: RuleOutcome[] = [];
    const edition = ctx.briefing.fiscalYear;
    for (const d of ctx.briefing.dates) {
      let problem: string | null = null;
      if (d.era !== '西暦' && d.eraYear !== null && LAST_ERA_YEAR[d.era] !== undefined && d.eraYear > LAST_ERA_YEAR[d.era]!) {
        problem = `${d.era} had no year ${d.eraYear}`;
      } else if (d.era !== '西暦' && d.year > edition + FUTURE_LIMIT) {
        problem = `${d.printed} is ${d.era}${d.eraYear} = ${d.year}, ${d.year - edition} years after this ${edition} briefing`;
      } else if (d.month !== null && d.day !== null && new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDate() !== d.day) {
        problem = `${d.year}-${d.month}-${d.day} is not a day of the calendar`;
      } else if (d.year < ERAS.昭和.first - 100 || d.year > 2200) {
        problem = `${d.year} is out of range`;
      }
      if (!problem) continue;
      out.push({
        id: `date-plausible:${d.id}`,
        statement: '日付が実在し、数十年先の年号ではない',
        pass: false,
        detail: problem,
        expected: `a date up to ${edition + FUTURE_LIMIT}`,
        actual: d.printed,
        figures: [fig('date', d.printed, d.year, d.printed, d.program, d.at)],
      });
    }
    return out;
  },
};
