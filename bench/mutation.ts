// Changes every figure of the bundled R6 briefing in turn (one digit) and validates: prints how
// many changes the generic rules alone catch, and with the declared checks, over all figures and
// over those that take part in any relation; lists the figures no rule can see.
import { R6_TEXT } from '../test/helpers/r6.ts';
import { R6_CHECKS, R6_CHECKS_PATH } from '../test/helpers/validate.ts';
import { mutateEveryFigure, rates } from '../test/helpers/mutation.ts';
import { parseChecks } from '../pipeline/validate/checks-file.ts';

const sample = Number(process.argv[2] ?? 1);
const started = performance.now();
const { outcomes } = await mutateEveryFigure(R6_TEXT, parseChecks(R6_CHECKS, R6_CHECKS_PATH), { select: (i) => i % sample === 0 });
const pct = (n: number, d: number) => `${n}/${d} (${d ? ((n / d) * 100).toFixed(1) : '—'}%)`;
const all = rates(outcomes);
const inRelation = rates(outcomes.filter((o) => o.inRelation));
console.log(`mutation of every figure of R6${sample > 1 ? ` (every ${sample}th)` : ''}: ${all.total} figures changed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log(`  figures in any relation: ${inRelation.total}`);
console.log(`    generic rules alone:        ${pct(inRelation.generic, inRelation.total)}`);
console.log(`    generic + declared checks:  ${pct(inRelation.declared, inRelation.total)}`);
console.log(`  all figures: generic ${pct(all.generic, all.total)}, generic + declared ${pct(all.declared, all.total)}`);
const byKind = new Map<string, { n: number; g: number; d: number; rel: number }>();
for (const o of outcomes.filter((x) => x.mutation)) {
  const k = byKind.get(o.entry.kind) ?? byKind.set(o.entry.kind, { n: 0, g: 0, d: 0, rel: 0 }).get(o.entry.kind)!;
  k.n++;
  if (o.generic) k.g++;
  if (o.declared) k.d++;
  if (o.inRelation) k.rel++;
}
console.log('  by kind (changed / in a relation / generic / generic + declared):');
for (const [kind, k] of byKind) console.log(`    ${kind.padEnd(11)} ${String(k.n).padStart(4)} ${String(k.rel).padStart(4)} ${String(k.g).padStart(4)} ${String(k.d).padStart(4)}`);
const missed = outcomes.filter((o) => o.inRelation && o.mutation && !o.declared);
console.log(`  in a relation but not caught (${missed.length}):`);
for (const o of missed) console.log(`    line ${o.mutation!.line} ${o.entry.kind} ${o.entry.printed} ${o.mutation!.from}→${o.mutation!.to} — ${o.entry.label.slice(0, 40)}${o.refused ? ` (refused: ${o.refused})` : ''}`);
const unseen = outcomes.filter((o) => !o.inRelation && o.mutation);
console.log(`  figures no rule can see (in no relation): ${unseen.length}; first 30:`);
for (const o of unseen.slice(0, 30)) console.log(`    line ${o.entry.at!.line} ${o.entry.kind} ${o.entry.printed} — ${o.entry.line.slice(0, 50)}`);
