import type { Briefing } from '../../schemas/briefing.ts';

/** What a briefing says, without where it says it (lines and columns differ between a text and a PDF). */
export function figuresOf(b: Briefing) {
  const dept = (p: Briefing['programs'][number]) => p.departments.map((d) => [d.name, d.people, d.phones]);
  return {
    programs: b.programs.map((p) => [p.no, p.id ?? null, p.name]),
    contacts: b.programs.map((p) => [p.no, p.name, dept(p), p.slidePhones.map((s) => s.phone)]),
    slides: b.slides.map((s) => [s.index, s.program]),
    budgets: b.budgets.map((x) => [x.program, x.label, x.amount.yen, x.amount.printed]),
    measures: b.measures.map((m) => [m.program, m.item, m.cap?.yen ?? null, m.perUnit, m.rate, m.components.map((c) => c.amount.yen)]),
    rates: b.rates.map((r) => [r.program, r.name, r.value]),
    series: b.series.map((x) => [x.program, x.label, x.points.map((p) => [p.fiscalYear, p.value])]),
    breakdowns: b.breakdowns.map((x) => [x.program, x.items.map((i) => [i.label, i.value])]),
  };
}

export type Figures = ReturnType<typeof figuresOf>;

/**
 * Every figure one reading has and the other has not, by kind ("caps: missing […]", "caps: extra
 * […]"): an empty list when the two agree. A test that fails shows what differs, not two arrays.
 */
export function figureDifferences(actual: Figures, expected: Figures): string[] {
  const out: string[] = [];
  const key = (x: unknown) => JSON.stringify(x);
  const counts = (xs: readonly unknown[]) => xs.reduce<Map<string, number>>((m, x) => m.set(key(x), (m.get(key(x)) ?? 0) + 1), new Map());
  for (const kind of Object.keys(expected) as (keyof Figures)[]) {
    // as many of each: [A, A, B] is not [A, B, B]
    const [have, want] = [counts(actual[kind]), counts(expected[kind])];
    for (const [k, n] of want) if ((have.get(k) ?? 0) < n) out.push(`${kind}: missing ${k}${n - (have.get(k) ?? 0) > 1 ? ` ×${n - (have.get(k) ?? 0)}` : ''}`);
    for (const [k, n] of have) if ((want.get(k) ?? 0) < n) out.push(`${kind}: extra ${k}${n - (want.get(k) ?? 0) > 1 ? ` ×${n - (want.get(k) ?? 0)}` : ''}`);
  }
  return out;
}
