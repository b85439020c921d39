import type { Briefing } from '../../schemas/briefing.ts';
import type { CatalogEntry } from '../validate/catalog.ts';
import { selectorText } from '../validate/select.ts';

/**
 * The figure list for the terminal: per figure, its place, program, kind, label and printed value,
 * the words of its line, and the selector that names it alone.
 */
export function formatFigures(entries: readonly CatalogEntry[], briefing: Briefing): string {
  if (entries.length === 0) return 'no figure matches these filters\n';
  const names = new Map(briefing.programs.map((p) => [p.no, p.id ? `${p.name} (id ${p.id})` : p.name]));
  const blocks = entries.map((e) => {
    const place = e.at ? `${briefing.source.file}:${e.at.line}:${e.at.column}` : briefing.source.file;
    const program = e.program ? `${e.program} ${names.get(e.program) ?? ''}`.trim() : '(no program)';
    return [`${place}  ${e.kind}  ${e.printed}  — ${e.label}`, `  program: ${program}`, `  line:    ${e.line}`, `  select:  ${selectorText(e.selector)}`].join('\n');
  });
  return `${blocks.join('\n\n')}\n\n${entries.length} figure${entries.length === 1 ? '' : 's'}\n`;
}
