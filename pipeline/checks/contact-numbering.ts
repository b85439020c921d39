import type { GenericRule, RuleOutcome } from './rule.ts';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const label = (main: number, sub: number | null) => (sub === null ? String(main) : `${main}-${CIRCLED[sub - 1]}`);

/** The contact list counts 1, 2, 3 … and N-①, N-② … with nothing missing or repeated. */
export const contactNumbering: GenericRule = {
  id: 'contact-numbering',
  description: 'contact-list numbers run without gaps or repeats',
  run(ctx) {
    const out: RuleOutcome[] = [];
    let prev: { main: number; sub: number | null } | null = null;
    for (const p of ctx.briefing.programs) {
      const [mainText, subText] = p.no.split('-');
      const main = Number(mainText);
      const sub = subText === undefined ? null : CIRCLED.indexOf(subText) + 1;
      let expected: { main: number; sub: number | null };
      if (prev === null) expected = { main: 1, sub: sub === null ? null : 1 };
      else if (sub !== null && prev.sub !== null && main === prev.main) expected = { main, sub: prev.sub + 1 };
      else expected = { main: prev.main + 1, sub: sub === null ? null : 1 };
      if (expected.main !== main || expected.sub !== sub) {
        out.push({
          id: `contact-numbering:${p.order}`,
          statement: '施策担当者一覧の番号に欠番・重複がない',
          pass: false,
          detail: `row ${p.order} is numbered ${p.no} after ${prev ? label(prev.main, prev.sub) : 'nothing'}`,
          expected: label(expected.main, expected.sub),
          actual: p.no,
          figures: [],
          at: p.at,
        });
      }
      prev = { main, sub };
    }
    return out;
  },
};
