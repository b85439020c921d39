import type { Amount, FiscalMeasure } from '../../../schemas/figures.ts';
import { lineBounds } from '../span.ts';
import { amountPattern, parseAmount, parseRate } from '../../units/number.ts';
import { budgetRanges } from './budgets.ts';
import { makeId, type SlideContext } from './context.ts';

type PerUnit = FiscalMeasure['perUnit'];

const AMOUNT = new RegExp(amountPattern(true), 'g');
const UNIT_AFTER = /^\s*(?:[（(][^）)]*[）)])?\s*[／/]\s*(人|団体|県|市町村|年)/;
const UNIT_BEFORE = /(人|団体|市町村|組織|県)\s*(?:当たり|あたり)[^\d。]{0,6}$|(人)\s*上限$/;
const CAP_WORD = /上限|最大(?!規模)/;
/** An amount printed without 円 is money only where nothing else is counted ("5,000万、", not "7万7千人"). */
const IMPLIED_YEN_OK = /^\s*(?:[、，,）)／/＋+×\s]|$)/;
const RATE_NEAR = /措置率\s*(\d+(?:\.\d+)?|\d+\s*\/\s*\d+)|^\s*×\s*(0\.\d+)/;
const CHANGE_AFTER = /^\s*[⇒→]\s*/;
const KIND_WORDS: [RegExp, FiscalMeasure['kind']][] = [
  [/特別交付税|特交/, '特別交付税措置'],
  [/普通交付税/, '普通交付税措置'],
  [/地方債|事業債/, '地方債'],
  [/国庫補助|補助上限|補助率|補助金|交付金/, '国庫補助'],
];
const CAP_HEADER = /【[^】]*上限[^】]*】|上限額$|措置額/;
const FORMULA_AFTER = new RegExp(`^\\s*[＋+]\\s*(${amountPattern(true)})\\s*[×x]\\s*[^（(、。\\n）)]+`);

/**
 * Fiscal measures with a cap: an amount is a cap when its line (or the header of its table) says
 * 上限 or 最大. Per-unit, 措置率 and the kind of measure are read from around the amount; a cap
 * followed by "(A：x、B：y)" gets its components, and "合計の上限" collects the caps before it.
 */
export function extractMeasures(ctx: SlideContext): FiscalMeasure[] {
  const text = ctx.span.text;
  const budgets = budgetRanges(ctx);
  const found: (FiscalMeasure & { start: number; end: number })[] = [];
  const consumed = new Set<number>();
  const amounts = [...text.matchAll(AMOUNT)].filter((m) => !budgets.some(([s, e]) => m.index! >= s && m.index! < e));
  for (const [idx, m] of amounts.entries()) {
    if (consumed.has(idx)) continue;
    const start = m.index!;
    const end = start + m[0].length;
    const printed = m[0].replace(/\s+/g, '');
    if (!/[万億千円]/.test(printed)) continue; // a bare number is not money
    const { start: ls, end: le } = lineBounds(text, start);
    const line = text.slice(ls, le);
    const before = text.slice(ls, start);
    const after = text.slice(end, le);
    if (!printed.endsWith('円') && !IMPLIED_YEN_OK.test(after)) continue;
    const prevLines = text.slice(Math.max(0, text.lastIndexOf('\n', Math.max(0, ls - 2)) - 200), ls);
    // A parenthesis may wrap: "（200万円／団\n体を上限）".
    const nextLine = text.slice(le + 1, lineBounds(text, Math.min(text.length, le + 1)).end);
    const capHere = CAP_WORD.test(line) || (/[（(][^）)]*$/.test(before) && /^[^（(）)]*上限[^（(]*[）)]/.test(after + nextLine));
    const capHeader = headerAbove(text, ls);
    const change = CHANGE_AFTER.test(after) && /上限/.test(prevLines + line);
    if (!capHere && !capHeader && !change) continue;
    const amount = parseAmount(printed);
    if (!amount) continue;
    let cap: Amount = amount;
    let capEnd = end;
    let previous: Amount | null = null;
    if (change) {
      const next = amounts[idx + 1];
      if (next && text.slice(end, next.index!).trim().match(/^[⇒→]$/)) {
        previous = amount;
        cap = parseAmount(next[0].replace(/\s+/g, '')) ?? amount;
        capEnd = next.index! + next[0].length;
        consumed.add(idx + 1);
      }
    }
    // "15,000千円＋5千円×全参加者の延べ滞在日数": one cap, a fixed part and a part per unit
    const plus = FORMULA_AFTER.exec(text.slice(capEnd, le));
    let formula: string | null = null;
    if (plus && amounts[idx + 1]?.index === capEnd + plus[0].indexOf(plus[1]!)) {
      formula = `${printed}${text.slice(capEnd, capEnd + plus[0].length)}`.replace(/\s+/g, '').replace(/[（(]$/, '');
      consumed.add(idx + 1);
    }
    const tailSame = text.slice(capEnd, le);
    // Only a parenthesis left open at the end of the line continues on the next one.
    const tail = /[（(][^）)]*$/.test(before + printed + tailSame) ? tailSame + nextLine : tailSame;
    const sameLine = found.filter((f) => f.start >= ls && f.start < start).at(-1);
    const { perUnit, rateRaw } = unitAndRate(before, tail, capHeader, sameLine);
    found.push({
      id: '',
      program: ctx.program, block: null,
      slide: ctx.slide.index,
      item: measureItem({ text, ls, before, tail, prevLines, change, capHeader, sameLine }),
      scheme: null,
      cap,
      formula,
      amount: null,
      basis: null,
      rates: [],
      perUnit,
      perYear: /年間/.test(before) || perUnit === '年',
      rate: rateRaw ? parseRate(rateRaw) : null,
      rateRaw,
      kind: kindOf(text, start, ctx.slide.title),
      components: [],
      previous,
      at: ctx.span.locate(change && previous ? start : start, capEnd),
      start,
      end: capEnd,
    });
  }
  attachComponents(ctx, found);
  return found.map(({ start: _s, end: _e, ...m }, i) => ({ ...m, id: makeId('measure', ctx.slide.index, i) }));
}

/** What a cap is per (人, 団体, 人日 …) and the 措置率 printed with it, from the words around the amount. */
function unitAndRate(before: string, tail: string, capHeader: string | null, sameLine: { perUnit: PerUnit | null } | undefined): { perUnit: PerUnit; rateRaw: string | null } {
  const unitAfter = UNIT_AFTER.exec(tail);
  const unitBefore = UNIT_BEFORE.exec(before) ?? UNIT_BEFORE.exec(capHeader ?? '');
  const perUnit = (unitAfter?.[1] ??
    normalizeUnit(unitBefore?.[1] ?? unitBefore?.[2]) ??
    (/^×\s*全参加者の延べ滞在日数/.test(tail) ? '人日' : null) ??
    sameLine?.perUnit ??
    null) as PerUnit;
  const rate = RATE_NEAR.exec(tail) ?? /措置率\s*(\d+(?:\.\d+)?)/.exec(before.slice(-12));
  return { perUnit, rateRaw: rate ? (rate[1] ?? rate[2])!.replace(/\s+/g, '') : null };
}

/** The cost a cap is for: after 「×」 (a per-unit part), before 「の上限」 (a change of a cap), or the label of its line. */
function measureItem(m: { text: string; ls: number; before: string; tail: string; prevLines: string; change: boolean; capHeader: string | null; sameLine: { item: string } | undefined }): string {
  const { text, ls, before, tail, prevLines, change, capHeader, sameLine } = m;
  return refineItem(
    /^\s*×\s*[^\d\s]/.test(tail)
      ? tail.replace(/^\s*×\s*/, '').replace(/[（(、。].*$/, '')
      : change && /の上限/.test(prevLines + before)
        ? cleanItem(lastClause((before.includes('の上限') ? before : prevLines.split('\n').filter((l) => l.includes('の上限')).at(-1)!).replace(/の上限.*$/, '')))
        : itemOf(text, ls, before, capHeader),
    sameLine?.item ?? null,
    capHeader,
  );
}

/**
 * Labels that only make sense with their context: a condition ("兼任の場合") belongs to the cost
 * named before it on the line; a row of a cap table ("専任") to the subject of the table's header
 * ("措置額 集落支援員1人あたりの上限額" → 集落支援員（専任）).
 */
function refineItem(item: string, sameLineItem: string | null, header: string | null): string {
  if (/の場合$/.test(item) && sameLineItem) return `${sameLineItem}（${item}）`;
  if (header && !/^【/.test(header) && item.length <= 4) {
    const subject = header.replace(/措置額|上限額|上限/g, '').replace(/\d*\s*(?:人|団体)\s*(?:あたり|当たり)の?/g, '').trim();
    if (subject.length >= 2 && !item.startsWith(subject)) return `${subject}（${item}）`;
  }
  return item;
}

function normalizeUnit(u: string | undefined): string | null {
  if (!u) return null;
  return u === '組織' ? '団体' : u;
}

/** A table of caps under "【上限額】" or "措置額 … 上限額": the header governs the rows below it. */
function headerAbove(text: string, lineStart: number): string | null {
  const above = text.slice(Math.max(0, lineStart - 400), lineStart).split('\n').filter((l) => l.trim());
  for (const l of above.slice(-12).reverse()) {
    if (CAP_HEADER.test(l.trim())) return l.trim();
    // A new section (bullet or heading) ends the table the header governs.
    if (/^[【●■◆・•]/.test(l.trim())) return null;
  }
  return null;
}

/** What is capped: the text before the amount on its line, or the label lines above a table cell. */
function itemOf(text: string, lineStart: number, before: string, header: string | null): string {
  let item = cleanItem(lastClause(before));
  if (item.length < 3) {
    // "●補助上限額は最大5,000万円": the cap is named by its own label.
    const loose = before.replace(/^[\s・•●○■◆]+/, '').replace(/(は|最大|[:：]|\s)+$/, '');
    if (/.+上限/.test(loose)) item = loose;
  }
  if (item.length < 2 || /^の/.test(item)) {
    const lines = text.slice(0, lineStart).split('\n').map((l) => l.trim()).filter(Boolean);
    let label = lines.at(-1) ?? '';
    if (label.length < 5 && lines.length > 1 && !CAP_HEADER.test(lines.at(-2)!) && !/円/.test(lines.at(-2)!)) label = lines.at(-2)! + label;
    if (CAP_HEADER.test(label) && /^【/.test(label)) item = cleanItem(label.replace(/上限額|上限/g, '').replace(/[【】]/g, ''));
    else if (/の上限/.test(label)) item = cleanItem(label.slice(0, label.indexOf('の上限')));
    else if (/[＋+]/.test(label)) item = cleanItem(label.slice(label.lastIndexOf('＋') + 1));
    else if (/[（(][^）)]*$/.test(label + before)) item = cleanItem(lastClause(label + before));
    else if (/^の/.test(item)) item = cleanItem(`${label}${item}`);
    else item = cleanItem(label);
    if (header && !/^【/.test(header) && !CAP_HEADER.test(label)) {
      const headerLabel = header.replace(/上限額|措置額/g, '').trim();
      if (headerLabel && !item.startsWith(headerLabel)) item = `${headerLabel} ${item}`.trim();
    }
  }
  return item.replace(/\s+/g, ' ');
}

/** The clause an amount belongs to: after the last 、 and after an unclosed （. */
function lastClause(before: string): string {
  let s = before;
  const comma = s.lastIndexOf('、');
  if (comma >= 0 && s.length - comma > 4) s = s.slice(comma + 1);
  const spacedColon = s.lastIndexOf(' ： ');
  if (spacedColon >= 0) s = s.slice(spacedColon + 3);
  const open = Math.max(s.lastIndexOf('（'), s.lastIndexOf('('));
  const close = Math.max(s.lastIndexOf('）'), s.lastIndexOf(')'));
  if (open > close) {
    const inner = cleanItem(s.slice(open + 1));
    const outer = cleanItem(s.slice(0, open));
    // "PFS推進交付金（自治体のPFS事業を補助 最大…": the name, and what the parenthesis says of it
    if (inner.length >= 3 && outer.length >= 3 && isName(outer)) return `${outer}（${inner}）`;
    s = inner.length >= 3 ? s.slice(open + 1) : s.slice(0, open);
  }
  return s;
}

/** A name (of a grant, a fund): no digits, no clause, no particle, not the end of a verb phrase. */
function isName(s: string): boolean {
  return /^[^\d、，をにはがで]+$/u.test(s) && !/\p{Script=Hiragana}$/u.test(s) && !/(?:に要する|の)経費$/.test(s);
}

function cleanItem(s: string): string {
  let prev = '';
  let out = s;
  while (out !== prev) {
    prev = out;
    out = out
      .replace(/^[\s・•●○■◆➢✓\-①-⑳❶-❿〇]+/, '')
      .replace(/^[（(]\d[）)]/, '')
      .replace(/^算定[:：]/, '')
      .replace(/(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]) (?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu, '')
      .replace(/※$/, '')
      .replace(/で?一人$/, '')
      .replace(/^【[^】]*】/, '')
      .replace(/[（(]\s*$/, '')
      .replace(/(上限額|上限|最大|年間|措置額|は)\s*[:：]?\s*$/g, '')
      .replace(/(?:を対象に|について|に対し)[、，]?\s*$/, '')
      .replace(/\s*[:：]\s*$/, '')
      .replace(/(\d|１|一)?\s*(人|団体|市町村|組織)\s*(当たり|あたり)[、，]?\s*$/, '')
      .replace(/の$/, '')
      .trim();
  }
  return out;
}

/** The nearest word naming a kind of measure, looking back from the amount, then at the title. */
function kindOf(text: string, offset: number, title: string): FiscalMeasure['kind'] {
  let best: { at: number; kind: FiscalMeasure['kind'] } | null = null;
  const before = text.slice(0, offset);
  for (const [re, kind] of KIND_WORDS) {
    const all = [...before.matchAll(new RegExp(re.source, 'g'))];
    const last = all.at(-1);
    if (last && (!best || last.index! > best.at)) best = { at: last.index!, kind };
  }
  if (best) return best.kind;
  for (const [re, kind] of KIND_WORDS) if (re.test(title) || re.test(text.slice(offset))) return kind;
  return null;
}

/**
 * "520万円／人を上限(報償費等：320万円、その他活動経費：200万円)": the amounts in the parenthesis
 * are the components of the cap. "A上限100万円/人＋旅費上限100万円/人（合計の上限200万円/人)":
 * the caps joined by ＋ are the components of the 合計.
 */
function attachComponents(ctx: SlideContext, found: (FiscalMeasure & { start: number; end: number })[]): void {
  const text = ctx.span.text;
  for (const m of found) {
    const paren = /^[^（(\n]{0,12}[（(]([^）)]*)[）)]/.exec(text.slice(m.end));
    if (!paren) continue;
    const inner = paren[1]!;
    const innerStart = m.end + paren[0].indexOf(inner);
    const parts = [...inner.matchAll(new RegExp(`([^、，:：\\s]+?)\\s*[:：]\\s*(${amountPattern(true)})`, 'g'))];
    if (parts.length < 2) continue;
    const innerEnd = innerStart + inner.length;
    for (let k = found.length - 1; k >= 0; k--) if (found[k]!.start >= innerStart && found[k]!.start < innerEnd) found.splice(k, 1);
    m.components = parts.map((p) => ({
      label: p[1]!,
      amount: parseAmount(p[2]!)!,
      perUnit: m.perUnit,
      at: ctx.span.locate(innerStart + p.index! + p[0].indexOf(p[2]!), innerStart + p.index! + p[0].length),
    }));
  }
  for (let i = 0; i < found.length; i++) {
    const total = found[i]!;
    if (!/合計の?上限\s*$/.test(text.slice(Math.max(0, total.start - 8), total.start))) continue;
    const parts: typeof found = [];
    for (let k = i - 1; k >= 0; k--) {
      const between = text.slice(found[k]!.end, (parts.at(-1) ?? total).start);
      if (!/[＋+]|合計/.test(between) || between.length > 60) break;
      parts.unshift(found[k]!);
      if (!/[＋+]/.test(text.slice(Math.max(0, found[k]!.start - 30), found[k]!.start))) break;
    }
    if (parts.length < 2) continue;
    total.components = parts.map((p) => ({ label: p.item, amount: p.cap!, perUnit: p.perUnit, at: p.at }));
    const firstLine = lineBounds(text, parts[0]!.start);
    const lead = text.slice(firstLine.start, parts[0]!.start);
    const open = Math.max(lead.lastIndexOf('（'), lead.lastIndexOf('('));
    total.item = (open > 0 ? cleanItem(lead.slice(0, open)) : '') || total.item;
    for (const p of parts) found.splice(found.indexOf(p), 1);
    i -= parts.length;
  }
}
