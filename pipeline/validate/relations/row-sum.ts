import type { Check } from '../../../schemas/checks.ts';
import { SelectorError, type Figure } from '../select.ts';
import { shown, shownAs, type Relation, type RoleFigure } from './types.ts';

type RowSum = Extract<Check, { relation: 'row-sum' }>;

/**
 * In every row of a table, the total column is the sum of the part columns (アスベスト調査:
 * 施設数 19 = うち都道府県 2 + うち市町村 17); with bound: at-most, the parts stay within it (効果の
 * 公表率 ≤ 実施率 in every year row of every copy of a sheet). A row with an empty cell counts it as
 * 0 with `empty: zero`, and is skipped otherwise; the finding points at the first row that fails.
 */
export const rowSum: Relation<RowSum> = (check, resolve) => {
  const rows = resolve.rows(check.rows, ['rows']);
  // the rows named nothing: that is reported already, and the result is dropped
  if (rows.length === 0) return { pass: false, detail: '', expected: '', actual: '', figures: [], primary: { value: Number.NaN, printed: '', label: '', program: null, at: null, role: 'total' } };
  const figures: RoleFigure[] = [];
  const wrong: string[] = [];
  let primary: RoleFigure | null = null;
  let checked = 0;
  for (const row of rows) {
    const cell = (column: number): Figure | null | undefined => row.cells[column - 1];
    const total = cell(check.total);
    const parts = check.parts.map(cell);
    // a row without these columns belongs to another table on the slide
    if (total === undefined || parts.some((p) => p === undefined)) continue;
    if (total === null || parts.some((p) => p === null)) {
      if (check.empty !== 'zero' || total === null) continue;
    }
    checked++;
    const present = parts.filter((p): p is Figure => p !== null && p !== undefined);
    const computed = present.reduce((s, p) => s + p.value, 0);
    const roleTotal = { ...total, role: `${row.label} total` };
    figures.push(roleTotal, ...present.map((p) => ({ ...p, role: `${row.label} part` })));
    const holds = check.bound === 'at-most' ? computed <= total.value + 1e-9 : Math.abs(computed - total.value) <= 1e-9;
    if (!holds) {
      primary ??= roleTotal;
      const sumOf = `${parts.map((p) => (p ? shown(p) : '0')).join(' + ')}${parts.length > 1 ? ` = ${shownAs(computed, present)}` : ''}`;
      wrong.push(check.bound === 'at-most' ? `${row.label}: ${sumOf} > ${shown(total)}` : `${row.label}: ${sumOf}; printed ${shown(total)}`);
    }
  }
  const parts = check.parts.map((p) => `column ${p}`).join(' + ');
  const rule = check.bound === 'at-most' ? `${parts} ≤ column ${check.total}` : `column ${check.total} = ${parts}`;
  const first = figures[0];
  if (!first) throw new SelectorError(`no row of ${rows.length} table row(s) has figures in columns ${check.total} and ${check.parts.join(', ')}`);
  return {
    pass: wrong.length === 0,
    detail: wrong.length === 0 ? `${checked} rows: ${rule} in each` : `${wrong.length} of ${checked} rows do not hold — ${wrong.join('; ')}`,
    expected: wrong.length === 0 ? `${checked} rows hold` : rule,
    actual: wrong.length === 0 ? `${checked} rows hold` : wrong[0]!,
    figures,
    primary: primary ?? first,
  };
};
