import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { ValidationReport } from '../../schemas/validation.ts';
import { breaksNote } from './breaks.ts';
import { vfilePlace } from '../lib/vfile-place.ts';
import { lineAt, pageOf, pagePrefix } from './page-cite.ts';

/** The readable report: findings as vfile messages grouped by file, then the check summary. */
export function formatTerminal(report: ValidationReport, options: { color?: boolean; verbose?: boolean } = {}): string {
  const files = new Map<string, VFile>();
  for (const f of report.findings) {
    const file = files.get(f.file) ?? files.set(f.file, new VFile({ path: f.file })).get(f.file)!;
    const line = lineAt(f.at);
    const msg = file.message(pagePrefix(f.at) + f.message, { place: line ? vfilePlace(line) : undefined, ruleId: f.checkId ?? f.ruleId, source: f.checkId ? 'checks' : 'briefing' });
    msg.fatal = f.severity === 'error' ? true : f.severity === 'warning' ? false : undefined;
    if (f.expected !== null) msg.expected = [f.expected];
    msg.actual = f.actual ?? undefined;
    // each other line once, and not the line the message is on
    const onPages = pageOf(f.at) !== null;
    const others = [...new Set(f.related.map((r) => (onPages ? pageOf(r) : r.line)))].filter((n) => n !== null && n !== (onPages ? pageOf(f.at) : f.at?.line));
    msg.note = [f.note, breaksNote(f), others.length ? `see also ${onPages ? 'page' : 'line'} ${others.join(', ')}` : null].filter(Boolean).join('\n') || undefined;
  }
  const s = report.summary;
  const body = files.size ? reporter([...files.values()], { color: options.color ?? false, verbose: options.verbose ?? true }) : '';
  const summary = `${report.edition}: ${s.checksPassed} checks passed, ${s.checksFailed} failed, ${s.acknowledged} acknowledged — ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`;
  return (body ? body + '\n' : '') + summary + '\n';
}
