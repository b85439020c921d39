import { pageSuffix } from './page-cite.ts';
import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import type { CheckOutcome, Finding, ValidationReport } from '../../schemas/validation.ts';
import { formatEraDate } from '../units/era.ts';

/** Where a figure stands, linked to the line in the listing at the end of the report. */
export interface SourceRef {
  /** "#L1234" in the source listing, "#K56" in the checks file listing */
  href: string;
  place: string;
  excerpt: string;
}

/** One row of the report: a check with its outcome, or a finding no check stands for. */
export interface ReportRow {
  id: string;
  anchor: string;
  status: 'pass' | 'fail' | 'acknowledged' | 'error' | 'warning' | 'info';
  statusLabel: string;
  rule: string;
  statement: string;
  detail: string;
  expected: string | null;
  actual: string | null;
  note: string | null;
  /** classes naming the programs the row concerns: "p1 p23" (by contact-list order) */
  programClasses: string;
  programs: string;
  refs: SourceRef[];
}

export interface ListingLine {
  id: string;
  no: number;
  text: string;
  /** a line a row of the report links to */
  marked: boolean;
}

export interface Listing {
  id: string;
  title: string;
  lines: ListingLine[];
  /** lines left out between two shown ones ("…"), when only the referenced lines are listed */
  gaps: boolean;
}

export interface ReportView {
  title: string;
  edition: string;
  source: string;
  sha256: string;
  checksFile: string | null;
  generatedAt: string;
  summary: { label: string; value: number; status: string }[];
  statuses: { id: string; value: string; label: string }[];
  programs: { id: string; className: string; label: string }[];
  /** CSS rules of the filters: one per status and program, generated from the ids above */
  filterCss: string;
  rows: ReportRow[];
  listings: Listing[];
}

/** The order of the rows and of the status filters: what needs a hand first. */
const STATUS_ORDER: ReportRow['status'][] = ['error', 'fail', 'warning', 'acknowledged', 'info', 'pass'];

const STATUS_LABELS: Record<ReportRow['status'], string> = {
  fail: '不整合',
  error: 'エラー',
  acknowledged: '既知の不整合',
  warning: '警告',
  pass: '整合',
  info: '情報',
};

export interface ReportInput {
  report: ValidationReport;
  briefing: Briefing;
  manifest: Manifest;
  /** the source text (decoded), for the listing and the excerpts */
  source: string;
  /** the checks file, when the report was made with one */
  checks: string | null;
  /** list every line of the files (a browser scrolls), or only the lines the rows link to and their neighbours (paper) */
  fullListings: boolean;
}

/**
 * The view of the staff report: every check and finding with its statement, values, status and
 * the source lines of its figures, linked to a listing of those lines. Pure.
 */
export function reportView(input: ReportInput): ReportView {
  const { report, briefing } = input;
  const sourceFile = report.source.file;
  const rows = reportRows(input);
  const statuses = STATUS_ORDER.filter((s) => rows.some((r) => r.status === s)).map((s) => ({ id: `st-${s}`, value: s, label: `${STATUS_LABELS[s]}（${rows.filter((r) => r.status === s).length}）` }));
  const programs = [...briefing.programs].sort((a, b) => a.order - b.order).map((p) => ({ id: `pg-${p.order}`, className: `p${p.order}`, label: `${p.no} ${p.name}` }));
  const linked = (prefix: string) => new Set(rows.flatMap((r) => r.refs.filter((x) => x.href.startsWith(`#${prefix}`)).map((x) => Number(x.href.slice(2)))));
  const s = report.summary;
  return {
    title: `検証レポート ${input.manifest.title}`,
    edition: report.edition,
    source: sourceFile,
    sha256: report.source.sha256,
    checksFile: report.checksFile,
    generatedAt: formatEraDate(input.manifest.generatedAt),
    summary: [
      { label: 'エラー', value: s.errors, status: 'error' },
      { label: '警告', value: s.warnings, status: 'warning' },
      { label: '整合', value: s.checksPassed, status: 'pass' },
      { label: '不整合', value: s.checksFailed, status: 'fail' },
      { label: '既知の不整合', value: s.acknowledged, status: 'acknowledged' },
    ],
    statuses,
    programs,
    filterCss: [
      ...statuses.map((st) => `body:has(#${st.id}:checked) .row:not(.st-${st.value}) { display: none; }`),
      ...programs.map((p) => `body:has(#${p.id}:checked) .row:not(.${p.className}) { display: none; }`),
    ].join('\n'),
    rows,
    listings: [
      listing('L', `出典 ${sourceFile}`, input.source, linked('L'), input.fullListings),
      ...(input.checks !== null && report.checksFile ? [listing('K', `検証の定義 ${report.checksFile}`, input.checks, linked('K'), input.fullListings)] : []),
    ],
  };
}

/** The rows of the report: findings no check stands for, then every check with its outcome, errors first. */
function reportRows(input: ReportInput): ReportRow[] {
  const { report, briefing } = input;
  const orderOf = new Map(briefing.programs.map((p) => [p.no, p.order]));
  const programClasses = (nos: readonly string[]) => nos.map((no) => `p${orderOf.get(no) ?? 0}`).join(' ');
  const programNames = (nos: readonly string[]) => nos.map((no) => `${no} ${briefing.programs.find((p) => p.no === no)?.name ?? ''}`.trim()).join('、');
  const sourceFile = report.source.file;
  const ref = (file: string, at: Provenance, text: string): SourceRef => {
    const inChecks = file !== sourceFile;
    return { href: `#${inChecks ? 'K' : 'L'}${at.line}`, place: `${inChecks ? file : sourceFile}:${at.line}:${at.column}${inChecks ? '' : pageSuffix(at)}`, excerpt: text };
  };
  // a generic rule's finding is its outcome's by rule, statement and the figures it names: two
  // outcomes of one rule may say the same (the same statement on two rows of a table)
  const same = (a: Provenance, b: Provenance) => a.line === b.line && a.column === b.column;
  const names = (c: CheckOutcome, x: { at: Provenance | null; related: readonly Provenance[] }) => [...(x.at ? [x.at] : []), ...x.related].some((p) => c.figures.some((f) => same(f.at, p)));
  const own = (c: CheckOutcome) => (x: { checkId: string | null; ruleId: string; message: string; at: Provenance | null; related: readonly Provenance[] }) =>
    x.checkId === c.id || (x.checkId === null && x.ruleId === c.relation && x.message.startsWith(c.statement) && names(c, x));
  const findingOf = (c: CheckOutcome): Finding | undefined => report.findings.find((f) => f.checkId === c.id) ?? report.findings.find(own(c));
  /** the finding of the figure that broke this check too (one wrong figure is one finding) */
  const brokenBy = (c: CheckOutcome): Finding | undefined => report.findings.find((f) => f.breaks.some(own(c)));
  const checkRows: ReportRow[] = report.checks.map((c, i) => {
    const finding = c.status === 'pass' ? undefined : findingOf(c);
    const lead = c.status === 'pass' || finding ? undefined : brokenBy(c);
    return {
      id: c.id,
      anchor: `c${i + 1}`,
      status: c.status,
      statusLabel: STATUS_LABELS[c.status],
      rule: c.relation,
      statement: c.statement,
      detail: c.detail,
      expected: finding?.expected ?? null,
      actual: finding?.actual ?? null,
      note: finding?.note ?? (lead ? `同じ数値の誤り：${lead.checkId ?? lead.ruleId}（${lead.file}:${lead.at?.line ?? '-'}）` : null),
      programClasses: programClasses(c.programs),
      programs: programNames(c.programs),
      refs: c.figures.map((f) => ref(sourceFile, f.at, `${f.label} ${f.printed}（${f.role}）`)),
    };
  });
  const accounted = new Set(report.checks.flatMap((c) => (c.status === 'pass' ? [] : [findingOf(c)])).filter(Boolean));
  const findingRows: ReportRow[] = report.findings
    .filter((f) => !accounted.has(f))
    .map((f, i) => ({
      id: f.checkId ?? f.ruleId,
      anchor: `f${i + 1}`,
      status: f.severity,
      statusLabel: STATUS_LABELS[f.severity],
      rule: f.ruleId,
      statement: f.message,
      detail: '',
      expected: f.expected,
      actual: f.actual,
      note: f.note,
      programClasses: programClasses(f.programs),
      programs: programNames(f.programs),
      refs: [...(f.at ? [ref(f.file, f.at, f.at.raw)] : []), ...f.related.map((r) => ref(f.file, r, r.raw))],
    }));
  return [...findingRows, ...checkRows].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}

function listing(prefix: string, title: string, text: string, marked: ReadonlySet<number>, full: boolean): Listing {
  const all = text.split('\n');
  const shown = (n: number) => full || [...marked].some((m) => Math.abs(m - n) <= 1);
  const lines = all.flatMap((line, i) => (shown(i + 1) ? [{ id: `${prefix}${i + 1}`, no: i + 1, text: line.replace(/\r$/, '').replace(/\t/g, '    '), marked: marked.has(i + 1) }] : []));
  return { id: prefix === 'L' ? 'source' : 'checks-file', title, lines, gaps: !full };
}
