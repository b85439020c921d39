import { cited } from '../lib/cite.ts';
import { REPEAT } from '../parse/extract/sheets.ts';
import { fig, type GenericRule, type RuleOutcome } from './rule.ts';

/**
 * The copies of an embedded spreadsheet (加工用 (2), 加工用, 元データ, 原本) agree: the latest value
 * of every year row and every footnote count of a copy equals the canonical copy's.
 */
export const sheetCopies: GenericRule = {
  id: 'sheet-copies',
  description: 'embedded spreadsheet copies agree with each other',
  run(ctx) {
    const out: RuleOutcome[] = [];
    for (const sheet of ctx.briefing.sheets) {
      const canonical = sheet.copies.find((c) => c.label === sheet.canonical)!;
      for (const copy of sheet.copies) {
        for (const count of copy.counts.filter((c) => c.note === REPEAT)) {
          const noted = copy.counts.find((c) => c.note !== REPEAT && c.label === count.label && c.value === count.value);
          out.push({
            id: `sheet-copies:${sheet.id}:${copy.label}:repeat:${count.at.line}`,
            statement: `${copy.label}のグラフ表示 ${count.label} ${count.value}団体 が注記の値と一致`,
            pass: noted !== undefined,
            detail: noted ? `repeats ${noted.note} ${noted.label} (${cited(noted.at)})` : `no note of ${copy.label} has ${count.label} ${count.value}団体`,
            expected: 'a count printed in a note',
            actual: `${count.label} ${count.value}`,
            figures: [fig('repeat', `${copy.label} ${count.label}`, count.value, String(count.value), sheet.program, count.at)],
            at: count.at,
          });
        }
      }
      for (const copy of sheet.copies) {
        if (copy === canonical) continue;
        for (const row of copy.rows) {
          const base = canonical.rows.find((r) => r.yearLabel === row.yearLabel);
          const a = row.values.at(-1);
          const b = base?.values.at(-1);
          if (!a || !b) continue;
          out.push({
            id: `sheet-copies:${sheet.id}:${copy.label}:${row.yearLabel}`,
            statement: `${row.yearLabel}の最新値が${copy.label}と${canonical.label}で一致`,
            pass: a.value === b.value,
            detail: `${copy.label} ${a.printed} vs ${canonical.label} ${b.printed}`,
            expected: b.printed,
            actual: a.printed,
            figures: [fig('copy', `${copy.label} ${row.yearLabel}`, a.value ?? NaN, a.printed, sheet.program, a.at), fig('canonical', `${canonical.label} ${row.yearLabel}`, b.value ?? NaN, b.printed, sheet.program, b.at)].filter((f) => !Number.isNaN(f.value)),
            at: a.at,
          });
        }
        for (const count of copy.counts) {
          if (count.note === REPEAT) continue;
          const base = canonical.counts.find((c) => c.note === count.note && c.label === count.label);
          if (!base) continue;
          out.push({
            id: `sheet-copies:${sheet.id}:${copy.label}:${count.note}:${count.label}`,
            statement: `${count.note} ${count.label}が${copy.label}と${canonical.label}で一致`,
            pass: count.value === base.value,
            detail: `${copy.label} ${count.value} vs ${canonical.label} ${base.value}`,
            expected: String(base.value),
            actual: String(count.value),
            figures: [fig('copy', `${copy.label} ${count.note} ${count.label}`, count.value, String(count.value), sheet.program, count.at), fig('canonical', `${canonical.label} ${count.note} ${count.label}`, base.value, String(base.value), sheet.program, base.at)],
            at: count.at,
          });
        }
      }
    }
    return out;
  },
};
