import type { Check } from '../../../schemas/checks.ts';
import { SelectorError, type Figure } from '../select.ts';
import { shown, shownAs, type Relation, type RoleFigure } from './types.ts';

type RowSum = Extract<Check, { relation: 'row-sum' }>;

/**
 * In every row of a table, the total column is the sum of the part columns (アスベスト調査:
 * 施設数 19 = うち都道府県 2 + うち市町村 17). A row with an empty cell counts it as 0 with
 * `empty: zero`, and is skipped otherwise; the finding points at the first row that does not add up.
 */
export const rowSum: Relation<RowSum> = (check, resolve) => {
  const rows = resolve.rows(check.rows, ['rows']);
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
    if (Math.abs(computed - total.value) > 1e-9) {
      primary ??= roleTotal;
      wrong.push(`${row.label}: ${parts.map((p) => (p ? shown(p) : '0')).join(' + ')} = ${shownAs(computed, present)}; printed ${shown(total)}`);
    }
  }
  const first = figures[0];
  if (!first) throw new SelectorError(`no row of ${rows.length} table row(s) has figures in columns ${check.total} and ${check.parts.join(', ')}`);
  return {
    pass: wrong.length === 0,
    detail: wrong.length === 0 ? `${checked} rows: column ${check.total} = ${check.parts.map((p) => `column ${p}`).join(' + ')} in each` : `${wrong.length} of ${checked} rows do not add up — ${wrong.join('; ')}`,
    expected: wrong.length === 0 ? `${checked} rows add up` : `column ${check.total} = ${check.parts.map((p) => `column ${p}`).join(' + ')}`,
    actual: wrong.length === 0 ? `${checked} rows add up` : wrong[0]!,
    figures,
    primary: primary ?? first,
  };
};
