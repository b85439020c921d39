import type { RootContent } from 'mdast';
import type { CheckOutcome } from '../../schemas/validation.ts';
import type { ProgramFrontMatter } from '../../schemas/program-document.ts';
import { list, paragraph, table } from './mdast.ts';
import type { ProgramCheck } from './program-figures.ts';

/** The outcome in Japanese, with the status word of validation.json after it. */
export const STATUS_LABEL: Record<CheckOutcome['status'], string> = {
  pass: '整合（pass）',
  fail: '不整合（fail）',
  acknowledged: '既知の不整合（acknowledged）',
};

export function validationSummary(checks: readonly ProgramCheck[]): ProgramFrontMatter['validation'] {
  const ids = (status: CheckOutcome['status']) => checks.filter((c) => c.outcome.status === status).map((c) => c.outcome.id);
  return {
    passed: ids('pass').length,
    failed: ids('fail').length,
    acknowledged: ids('acknowledged').length,
    failedIds: ids('fail'),
    acknowledgedIds: ids('acknowledged'),
  };
}

/** The checks involving the program: outcome, statement, relation and what was computed; then why the known ones stand. */
export function checksSection(checks: readonly ProgramCheck[]): RootContent[] {
  if (checks.length === 0) return [paragraph('この施策の数値に関わる検証はありません。')];
  const s = validationSummary(checks);
  const rows = checks.map(({ outcome: c }) => [STATUS_LABEL[c.status], c.statement, c.relation, c.detail, c.id]);
  const known = checks.filter((c) => c.acknowledgement !== null).map((c) => `${c.outcome.id}: ${c.acknowledgement}`);
  return [
    paragraph(`検証 ${checks.length}件: 整合 ${s.passed}件、不整合 ${s.failed}件、既知の不整合 ${s.acknowledged}件。`),
    table([{ header: '結果' }, { header: '確認内容' }, { header: '関係' }, { header: '計算' }, { header: 'ID' }], rows),
    ...(known.length > 0 ? [paragraph('既知の不整合の理由:'), list(known)] : []),
  ];
}
