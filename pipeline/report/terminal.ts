import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { ValidationReport } from '../../schemas/validation.ts';
import { vfilePlace } from '../lib/vfile-place.ts';

/** The readable report: findings as vfile messages grouped by file, then the check summary. */
export function formatTerminal(report: ValidationReport, options: { color?: boolean; verbose?: boolean } = {}): string {
  const files = new Map<string, VFile>();
  for (const f of report.findings) {
    const file = files.get(f.file) ?? files.set(f.file, new VFile({ path: f.file })).get(f.file)!;
    const msg = file.message(f.message, { place: f.at ? vfilePlace(f.at) : undefined, ruleId: f.checkId ?? f.ruleId, source: f.checkId ? 'checks' : 'briefing' });
    msg.fatal = f.severity === 'error' ? true : f.severity === 'warning' ? false : undefined;
    if (f.expected !== null) msg.expected = [f.expected];
    msg.actual = f.actual ?? undefined;
    // each other line once, and not the line the message is on
    const others = [...new Set(f.related.map((r) => r.line))].filter((line) => line !== f.at?.line);
    msg.note = [f.note, others.length ? `see also line ${others.join(', ')}` : null].filter(Boolean).join('\n') || undefined;
  }
  const s = report.summary;
  const body = files.size ? reporter([...files.values()], { color: options.color ?? false, verbose: options.verbose ?? true }) : '';
  const summary = `${report.edition}: ${s.checksPassed} checks passed, ${s.checksFailed} failed, ${s.acknowledged} acknowledged — ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`;
  return (body ? body + '\n' : '') + summary + '\n';
}
