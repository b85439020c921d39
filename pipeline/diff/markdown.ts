import type { EditionDiff, FigureChange } from '../../schemas/diff.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { DIFF_KINDS, DIFF_SECTIONS, type DiffKindName } from './kinds.ts';

const loc = (at: Provenance | null) => (at ? `L${at.line}` : '—');
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function change(c: FigureChange): string {
  const side = (v: FigureChange['before']) => (v ? `${cell(v.printed)} (${loc(v.at)})` : '—');
  return `| ${cell(c.program)} | ${cell(c.subject)} | ${side(c.before)} | ${side(c.after)} |`;
}

function table(title: string, changes: FigureChange[], from: string, to: string): string[] {
  if (changes.length === 0) return [];
  return [`### ${title}`, '', `| 施策 | 項目 | ${from} | ${to} |`, '| --- | --- | --- | --- |', ...changes.map(change), ''];
}

/** A signal-first summary for a terminal or a pull-request comment. */
export function formatDiffMarkdown(d: EditionDiff): string {
  const p = d.programs;
  const kinds = Object.keys(DIFF_KINDS) as DiffKindName[];
  const figures = kinds.reduce((n, k) => n + d[k].length, 0);
  const counts = [
    `${p.added.length} program(s) added`,
    `${p.removed.length} removed`,
    `${p.renamed.length} renamed`,
    `${p.renumbered.length} renumbered`,
    `${figures} figure change(s)`,
    `${d.sentences.length} sentence change(s)`,
    `${d.contacts.length} contact change(s)`,
  ];
  const lines = [`## ${d.from.edition} → ${d.to.edition}`, '', `**${counts.join(', ')}**`, ''];
  if (p.added.length || p.removed.length || p.renamed.length || p.renumbered.length) {
    lines.push('### 施策', '');
    for (const x of p.added) lines.push(`- 追加: ${x.no}. ${x.name} (${d.to.edition} L${x.at.line})`);
    for (const x of p.removed) lines.push(`- 削除: ${x.no}. ${x.name} (${d.from.edition} L${x.at.line})`);
    for (const x of p.renamed) lines.push(`- 名称変更: ${x.before.name} → ${x.after.name}`);
    for (const x of p.renumbered) lines.push(`- 番号変更: ${x.before.no} → ${x.after.no} ${x.after.name}`);
    lines.push('');
  }
  for (const { key, title } of DIFF_SECTIONS) lines.push(...table(title, d[key], d.from.edition, d.to.edition));
  return lines.join('\n');
}
