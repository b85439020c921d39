import { breaksNote } from './breaks.ts';
import { displayPath } from '../lib/display-path.ts';
import type { Finding, ValidationReport } from '../../schemas/validation.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { lineAt, pageOf, pagePrefix } from './page-cite.ts';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0, for code-scanning tools: one run, one result per finding, related figures as relatedLocations. */
export function formatSarif(report: ValidationReport, version: string, cwd = process.cwd()): string {
  const ruleIds = [...new Set(report.findings.map((f) => f.checkId ?? f.ruleId))].sort();
  // a PDF has no lines to point at: its page is in the message and the properties
  const location = (file: string, cited: Provenance | null, id?: number, at = lineAt(cited)) => ({
    ...(id !== undefined ? { id } : {}),
    physicalLocation: {
      artifactLocation: { uri: displayPath(file, cwd) },
      ...(at ? { region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: Math.max(at.endColumn, at.column), ...(at.raw ? { snippet: { text: at.raw } } : {}) } } : {}),
    },
  });
  const result = (f: Finding) => ({
    ruleId: f.checkId ?? f.ruleId,
    ruleIndex: ruleIds.indexOf(f.checkId ?? f.ruleId),
    level: LEVEL[f.severity],
    message: { text: [pagePrefix(f.at) + f.message, f.expected !== null ? `expected ${f.expected}, found ${f.actual}` : null, f.note, breaksNote(f)].filter(Boolean).join('\n') },
    locations: [location(f.file, f.at)],
    ...(f.related.length ? { relatedLocations: f.related.map((r, i) => location(f.file, r, i + 1)) } : {}),
    properties: { relation: f.ruleId, programs: f.programs, ...(f.expected !== null ? { expected: f.expected, actual: f.actual } : {}), ...(pageOf(f.at) !== null ? { page: pageOf(f.at) } : {}), ...(f.at?.box ? { box: f.at.box } : {}) },
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'briefing-pack',
            version,
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: report.checks.find((c) => c.id === id)?.statement ?? id } })),
          },
        },
        results: report.findings.map(result),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
