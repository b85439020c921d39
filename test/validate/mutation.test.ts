import { describe, expect, it } from 'vitest';
import { parseChecks } from '../../pipeline/validate/checks-file.ts';
import { mutateEveryFigure, rates } from '../helpers/mutation.ts';
import { R6_TEXT } from '../helpers/r6.ts';
import { R6_CHECKS, R6_CHECKS_PATH } from '../helpers/validate.ts';

/** Relations that bound a figure without pinning it: a change that keeps the bound is no error. */
const BOUNDS = new Set(['at-most', 'ordered']);

/**
 * Change figures of the briefing one at a time (one digit) and validate, with the generic rules
 * alone and with the declared checks too. Every figure that takes part in a relation is changed,
 * and every 6th of the others (`npm run mutation` changes all of them and lists those no rule sees).
 */
describe('mutation test over the figures of briefing.json', () => {
  it('catches changes to the figures in any relation, and every change to a figure a check pins', async () => {
    const checks = parseChecks(R6_CHECKS, R6_CHECKS_PATH);
    const { baseline, outcomes } = await mutateEveryFigure(R6_TEXT, checks, { select: (i, inRelation) => inRelation || i % 6 === 0 });
    expect(baseline.summary.errors).toBe(0);
    // figures pinned by a check: in a relation that is not only a bound (at-most, ordered, sum with bound: at-most)
    const bounding = new Set(checks.checks.checks.filter((c) => BOUNDS.has(c.relation) || ('bound' in c && c.bound === 'at-most')).map((c) => c.id));
    const pinned = new Set(baseline.checks.filter((c) => !bounding.has(c.id)).flatMap((c) => c.figures.map((f) => `${f.at.line}:${f.at.column}`)));
    const related = outcomes.filter((o) => o.inRelation && o.mutation);
    const missedPinned = related.filter((o) => !o.declared && pinned.has(`${o.entry.at!.line}:${o.entry.at!.column}`));
    const r = rates(related);
    const others = rates(outcomes.filter((o) => !o.inRelation));
    const pct = (n: number, d: number) => `${n}/${d} (${((n / d) * 100).toFixed(1)}%)`;
    console.log(
      [
        `mutation test: figures in any relation, changed one at a time: generic rules alone ${pct(r.generic, r.total)}, generic + declared ${pct(r.declared, r.total)}`,
        `  figures in no relation (every 6th): generic ${pct(others.generic, others.total)}, generic + declared ${pct(others.declared, others.total)}`,
        ...related.filter((o) => !o.declared).map((o) => `  not caught: line ${o.mutation!.line} ${o.entry.kind} ${o.entry.printed} ${o.mutation!.from}→${o.mutation!.to}${pinned.has(`${o.entry.at!.line}:${o.entry.at!.column}`) ? '' : ' (only bounded: the change keeps the bound)'}`),
      ].join('\n'),
    );
    expect(r.total).toBeGreaterThan(200);
    expect(missedPinned.map((o) => `line ${o.mutation!.line} ${o.entry.printed}`)).toEqual([]);
    // the goals: generic + declared ≥ 95 %, the generic rules alone (any edition, no configuration) ≥ 50 %
    expect(r.declared / r.total).toBeGreaterThanOrEqual(0.95);
    expect(r.generic / r.total).toBeGreaterThanOrEqual(0.5);
  }, 300_000);
});
