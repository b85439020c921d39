import type { Rate, ShareFigure, ShareGroup } from '../../../schemas/figures.ts';
import { lineBounds } from '../span.ts';
import { parseRate } from '../../units/number.ts';
import { makeId, type SlideContext } from './context.ts';

const RATE_VALUE = String.raw`\d+(?:\.\d+)?\s*%|\d+\s*[/／]\s*\d+|\d+(?:\.\d+)?|[½¼¾]`;
const NAMED_RATE = new RegExp(`(措置率|充当率|交付税措置率|交付税算入率|補助率)\\s*[:：は]?\\s*(?:原則、?)?\\s*(${RATE_VALUE})`, 'g');
const REPAYMENT = /元利償還(?:金)?の\s*(\d+(?:\.\d+)?\s*%)/g;
const SUBSIDY = /(?<![\d/])(\d+\s*\/\s*\d+)\s*補助/g;
const TIMES_RATE = /万円\s*×\s*(0\.\d+)/g;
const SHARE_COVERED = /の\s*(\d+(?:\.\d+)?\s*%)\s*(?:について|を)?[、，]?\s*特別交付税措置/g;

/** Every named rate: 措置率0.5, 充当率90%, 交付税措置率50%, 元利償還の70%, 1/2補助, 補助率2/3. */
export function extractRates(ctx: SlideContext): Rate[] {
  const out: Rate[] = [];
  const text = ctx.span.text;
  const push = (name: Rate['name'], start: number, end: number, printed: string) => {
    const value = parseRate(printed);
    if (value === null) return;
    const { start: ls, end: le } = lineBounds(text, start);
    out.push({
      id: makeId('rate', ctx.slide.index, out.length),
      program: ctx.program, block: null,
      slide: ctx.slide.index,
      name,
      value,
      printed: printed.replace(/\s+/g, ''),
      context: text.slice(ls, le).trim(),
      at: ctx.span.locate(start, end),
    });
  };
  for (const m of text.matchAll(NAMED_RATE)) {
    // "交付税\n措置率50%": the name wraps after 交付税.
    const name = m[1] === '措置率' && /交付税\s*$/.test(text.slice(Math.max(0, m.index! - 6), m.index!)) ? '交付税措置率' : (m[1] as Rate['name']);
    push(name, m.index!, m.index! + m[0].length, m[2]!);
    // "措置率0.5または0.3": the alternative rate is a rate of its own.
    const alt = /^\s*または\s*(\d+(?:\.\d+)?)/.exec(text.slice(m.index! + m[0].length));
    if (alt) {
      const s = m.index! + m[0].length + alt[0].indexOf(alt[1]!);
      push(m[1] as Rate['name'], s, s + alt[1]!.length, alt[1]!);
    }
  }
  for (const m of text.matchAll(REPAYMENT)) push('元利償還措置率', m.index!, m.index! + m[0].length, m[1]!);
  for (const m of text.matchAll(SHARE_COVERED)) {
    if (/元利償還(?:金)?$/.test(text.slice(Math.max(0, m.index! - 6), m.index!))) continue;
    push('措置率', m.index!, m.index! + m[0].length, m[1]!);
  }
  for (const m of text.matchAll(SUBSIDY)) push('補助率', m.index!, m.index! + m[0].length, m[1]!);
  for (const m of text.matchAll(TIMES_RATE)) {
    const s = m.index! + m[0].indexOf(m[1]!);
    push('措置率', s, s + m[1]!.length, m[1]!);
  }
  out.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  return out.map((r, i) => ({ ...r, id: makeId('rate', ctx.slide.index, i) }));
}

const FRACTION = String.raw`[½¼¾⅛]|\d\s*/\s*\d{1,2}`;
const SHARE_BEFORE = new RegExp(`^(${FRACTION})\\s*(\\S.*)?$`);
const SHARE_AFTER = new RegExp(`^(\\S*?[^\\d/\\s.])\\s*(${FRACTION})$`);
const SHARE_LABEL = /^(国費|特別交付税|普通交付税|実質的な(?:地方負担)?|地方負担|自治体負担|市町村助成|都道府県負担|利用料収入|地方債|交付税)/;

/**
 * Funding pictures: "½ 国費 / ¼ 特別交付税 / ¼ 実質的な地方負担". Shares printed close together form
 * a group, closed as soon as they add up to 1; a group that never reaches 1 is kept whole so that
 * the check can say by how much it misses.
 */
export function extractShareGroups(ctx: SlideContext): ShareGroup[] {
  return groupShares(ctx, findShares(ctx));
}

/** Every share printed on the slide, grouped or not. */
export function extractShares(ctx: SlideContext): ShareFigure[] {
  return findShares(ctx).map((s, i) => ({ id: makeId('share', ctx.slide.index, i), program: ctx.program, block: null, slide: ctx.slide.index, label: s.label, value: s.value, printed: s.printed, at: s.at }));
}

type FoundShare = { label: string; value: number; printed: string; at: ShareGroup['shares'][number]['at']; li: number };

/** A share inside a line, after a label in brackets: "【組合運営費への財政措置】 ½市町村助成". */
const INLINE_SHARE = new RegExp(`(?:^|\\s)(${FRACTION})\\s*(${SHARE_LABEL.source.slice(1)})`);

function findShares(ctx: SlideContext): FoundShare[] {
  const lines = ctx.span.lines;
  const shares: FoundShare[] = [];
  let offset = 0;
  const offsets = lines.map((l) => {
    const o = offset;
    offset += l.text.length + 1;
    return o;
  });
  for (let li = 0; li < lines.length; li++) {
    const text = lines[li]!.text.trim();
    const lead = lines[li]!.text.indexOf(text);
    let m = SHARE_BEFORE.exec(text);
    let printed: string | null = null;
    let label = '';
    if (m) {
      printed = m[1]!;
      label = m[2] ?? nextLabel(lines, li);
    } else if ((m = SHARE_AFTER.exec(text))) {
      printed = m[2]!;
      label = m[1]!;
    }
    if (!printed) {
      // A share inside a line: "【組合運営費への財政措置】 ½市町村助成".
      const inline = INLINE_SHARE.exec(text);
      if (!inline) continue;
      printed = inline[1]!;
      label = inline[2]!;
    }
    if (!SHARE_LABEL.test(label.replace(/\s+/g, ''))) continue;
    const value = parseRate(printed);
    if (value === null || value <= 0 || value > 1) continue;
    const start = offsets[li]! + lead;
    if (m && label === nextLabel(lines, li) && !m[2]) label = joinLabel(lines, li);
    shares.push({ label: label.replace(/\s+/g, ''), value, printed: printed.replace(/\s+/g, ''), at: ctx.span.locate(start, start + text.length), li });
  }
  return shares;
}

function groupShares(ctx: SlideContext, shares: FoundShare[]): ShareGroup[] {
  const groups: ShareGroup[] = [];
  let current: typeof shares = [];
  const close = () => {
    if (current.length >= 2) {
      groups.push({
        id: makeId('shares', ctx.slide.index, groups.length),
        program: ctx.program, block: null,
        slide: ctx.slide.index,
        shares: current.map(({ li: _li, ...s }) => s),
        at: { ...current[0]!.at, endLine: current.at(-1)!.at.endLine, endColumn: current.at(-1)!.at.endColumn },
      });
    }
    current = [];
  };
  for (const s of shares) {
    if (current.length > 0 && s.li - current.at(-1)!.li > 8) close();
    current.push(s);
    if (Math.abs(current.reduce((sum, x) => sum + x.value, 0) - 1) < 1e-9) close();
  }
  close();
  return groups;
}

function nextLabel(lines: SlideContext['span']['lines'], li: number): string {
  for (let k = li + 1; k < Math.min(lines.length, li + 3); k++) if (lines[k]!.text.trim()) return lines[k]!.text.trim();
  return '';
}

/** "実質的な" + "地方負担" on the next line is one label. */
function joinLabel(lines: SlideContext['span']['lines'], li: number): string {
  const parts: string[] = [];
  for (let k = li + 1; k < Math.min(lines.length, li + 4); k++) {
    const t = lines[k]!.text.trim();
    if (!t) {
      if (parts.length) break;
      continue;
    }
    if (SHARE_BEFORE.test(t)) break;
    parts.push(t);
    if (!/な$|・$/.test(t)) break;
  }
  return parts.join('');
}
