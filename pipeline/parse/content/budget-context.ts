import type { Block } from '../../../schemas/content.ts';
import type { Budget } from '../../../schemas/figures.ts';
import { compact } from '../normalize.ts';
import { blockTexts, GRANT_NAME, textOf } from './block-text.ts';

const MARKERS = /^[\s・•●○■◆①-⑳❶-❿（(]*\d*[）)．.]?\s*/u;

/**
 * What the slide says around a budget: the grant it funds when that is not the program itself
 * ("・過疎地域持続的発展支援交付金（令和6年度当初予算額8.0億円）"), whether it is 【参考】 — the
 * budget of another body's grant — and which budget states the same money more precisely.
 */
export function budgetsInContext(budgets: readonly Budget[], blocksOf: (slide: number) => readonly Block[], titleOf: (slide: number) => string): Budget[] {
  const placed = budgets.map((b) => {
    const texts = blockTexts(blocksOf(b.slide));
    const found = textOf(texts, b.at);
    if (!found) return b;
    const text = compact(found.text.text);
    const at = text.indexOf(compact(b.label));
    const before = at >= 0 ? text.slice(0, at) : '';
    if (/【参考】/.test(before)) {
      // the grant is named in the text before: "○外国人受入環境整備交付金（法務省所管）を活用して…"
      const named = texts
        .slice(Math.max(0, found.index - 3), found.index)
        .reverse()
        .map((t) => GRANT_NAME.exec(compact(t.text))?.[1])
        .find(Boolean);
      return { ...b, reference: true, subject: named ?? null };
    }
    // "過疎地域持続的発展支援交付金（令和6年度当初予算額8.0億円）": the name before the parenthesis
    const open = /[（(]$/.test(before) ? before.slice(0, -1).replace(MARKERS, '') : '';
    return { ...b, subject: open.length >= 3 && !/[、。\d]|予算/.test(open) ? open : null };
  });
  return placed.map((b) => ({ ...b, sameAs: samePrinting(b, placed, titleOf)?.id ?? null }));
}

/** The step of the last digit printed: 8.0億円 → 0.1億円 = 10,000,000 yen. */
function printedStep(printed: string, yen: number, unit: Budget['amount']['unit']): number {
  const scale: Record<typeof unit, number> = { 円: 1, 千円: 1e3, 万円: 1e4, 百万円: 1e6, 億円: 1e8, 兆円: 1e12 };
  const decimals = /\.(\d+)/.exec(printed)?.[1]?.length ?? 0;
  return yen === 0 ? 1 : scale[unit] / 10 ** decimals;
}

/** A budget printed again, rounded or cut, for the same grant in the same year: the finer printing. */
function samePrinting(b: Budget, all: readonly Budget[], titleOf: (slide: number) => string): Budget | null {
  if (b.partOf || b.reference) return null;
  const subject = (x: Budget) => compact(x.subject ?? titleOf(x.slide));
  const step = printedStep(b.amount.printed, b.amount.yen, b.amount.unit);
  return (
    all.find((o) => {
      if (o.id === b.id || o.program !== b.program || o.kind !== b.kind || o.fiscalYear !== b.fiscalYear || o.partOf || o.reference) return false;
      if (subject(o) !== subject(b)) return false;
      const finer = printedStep(o.amount.printed, o.amount.yen, o.amount.unit) < step;
      return finer && Math.abs(o.amount.yen - b.amount.yen) < step;
    }) ?? null
  );
}
