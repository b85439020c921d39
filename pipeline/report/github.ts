import { breaksNote } from './breaks.ts';
import { displayPath } from '../lib/display-path.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { lineAt, pagePrefix } from './page-cite.ts';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: each finding becomes an annotation on its source line. */
export function formatGithub(report: ValidationReport, cwd = process.cwd()): string {
  const lines = report.findings.map((f) => {
    const command = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
    const props = [`file=${escapeProperty(displayPath(f.file, cwd))}`];
    const at = lineAt(f.at);
    if (at) props.push(`line=${at.line}`, `col=${at.column}`, `endLine=${at.endLine}`, `endColumn=${at.endColumn}`);
    props.push(`title=${escapeProperty(f.checkId ?? f.ruleId)}`);
    const text = [pagePrefix(f.at) + f.message, f.expected !== null ? `expected ${f.expected}, found ${f.actual}` : null, f.note, breaksNote(f)].filter(Boolean).join('\n');
    return `::${command} ${props.join(',')}::${escapeData(text)}`;
  });
  const s = report.summary;
  lines.push(`${report.edition}: ${s.checksPassed} checks passed, ${s.checksFailed} failed, ${s.acknowledged} acknowledged — ${s.errors} errors, ${s.warnings} warnings`);
  return lines.join('\n') + '\n';
}
