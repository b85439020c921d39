import type { EditionDiff, FigureChange } from '../../schemas/diff.ts';
import type { Provenance } from '../../schemas/provenance.ts';

const loc = (at: Provenance | null) => (at ? `L${at.line}` : '—');
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function change(c: FigureChange): string {
  if (c.kind === 'changed') return `| ${cell(c.program)} | ${cell(c.subject)} | ${cell(c.before!.printed)} (${loc(c.before!.at)}) | ${cell(c.after!.printed)} (${loc(c.after!.at)}) |`;
  if (c.kind === 'added') return `| ${cell(c.program)} | ${cell(c.subject)} | — | ${cell(c.after!.printed)} (${loc(c.after!.at)}) |`;
  return `| ${cell(c.program)} | ${cell(c.subject)} | ${cell(c.before!.printed)} (${loc(c.before!.at)}) | — |`;
}

function table(title: string, changes: FigureChange[], from: string, to: string): string[] {
  if (changes.length === 0) return [];
  return [`### ${title}`, '', `| 施策 | 項目 | ${from} | ${to} |`, '| --- | --- | --- | --- |', ...changes.map(change), ''];
}

/** A signal-first summary for a terminal or a pull-request comment. */
export function formatDiffMarkdown(d: EditionDiff): string {
  const p = d.programs;
  const counts = [
    `${p.added.length} program(s) added`,
    `${p.removed.length} removed`,
    `${p.renamed.length} renamed`,
    `${d.budgets.length} budget change(s)`,
    `${d.caps.length} cap change(s)`,
    `${d.series.length} series change(s)`,
    `${d.contacts.length} contact change(s)`,
  ];
  const lines = [`## ${d.from.edition} → ${d.to.edition}`, '', `**${counts.join(', ')}**`, ''];
  if (p.added.length || p.removed.length || p.renamed.length) {
    lines.push('### 施策', '');
    for (const x of p.added) lines.push(`- 追加: ${x.no}. ${x.name} (${d.to.edition} L${x.at.line})`);
    for (const x of p.removed) lines.push(`- 削除: ${x.no}. ${x.name} (${d.from.edition} L${x.at.line})`);
    for (const x of p.renamed) lines.push(`- 名称変更: ${x.before.name} → ${x.after.name}`);
    lines.push('');
  }
  lines.push(...table('予算額', d.budgets, d.from.edition, d.to.edition));
  lines.push(...table('上限額（財政措置）', d.caps, d.from.edition, d.to.edition));
  lines.push(...table('時系列', d.series, d.from.edition, d.to.edition));
  lines.push(...table('担当・連絡先', d.contacts, d.from.edition, d.to.edition));
  if (p.renumbered.length) lines.push(`${p.renumbered.length} program(s) kept their name under a new number.`, '');
  return lines.join('\n');
}
