import type { Place } from '../../../schemas/figures.ts';
import { joinedView } from '../span.ts';
import { PREFECTURE_PATTERN, PREFECTURES } from '../../units/prefectures.ts';
import { makeId, type SlideContext } from './context.ts';

const HEADING = /【\s*([^【】\s]{1,6})\s*】/g;
const MUNICIPALITY = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ヶケ]{1,8}?(市|町|村|区)$/u;
const MENTION = new RegExp(`(${PREFECTURE_PATTERN})([\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ヶ]{1,6}?(?:市|町|村|区))?`, 'gu');

/** Words after a prefecture name that are not a municipality: "沖縄県の区域", "長野県市町村…". */
const GENERIC_AREA = /^(の|内|下|市町|市町村|市区町村|全域|知事|庁)/;

const STEMS = new Map(PREFECTURES.map((p) => [p.name, p.name]));
for (const p of PREFECTURES) if (!STEMS.has(p.stem)) STEMS.set(p.stem, p.name);

/**
 * Prefectures and municipalities named in the briefing: lists under 【県名】 headings (each item
 * one cooperative, which may name several municipalities: "柳津町・三島町・昭和村") and names in
 * running text ("島根県邑南町", "千葉県 19 2 17").
 */
export function extractPlaces(ctx: SlideContext): Place[] {
  const out: Place[] = [];
  const { text, toSpan } = joinedView(ctx.span);
  const at = (s: number, e: number) => ctx.span.locate(toSpan[s]!, toSpan[e - 1]! + 1);
  const headings = [...text.matchAll(HEADING)].filter((m) => STEMS.has(m[1]!));
  const listed = headings.length >= 3;
  const covered: [number, number][] = [];
  if (listed) {
    let group = 0;
    headings.forEach((h, i) => {
      const prefecture = STEMS.get(h[1]!)!;
      const start = h.index! + h[0].length;
      const end = headings[i + 1]?.index ?? text.length;
      covered.push([h.index!, end]);
      const items = listItems(ctx, toSpan, start, end);
      // A heading with no municipalities under it ("【和歌山県】 ○ R3年度当初から…") is a mention.
      out.push(place(ctx, prefecture, null, items.length ? 'list' : 'mention', null, at(h.index!, start)));
      for (const item of items) {
        group++;
        for (const m of item) out.push(place(ctx, prefecture, m.name, 'list', group, m.at));
      }
    });
  }
  for (const m of text.matchAll(MENTION)) {
    if (covered.some(([s, e]) => m.index! >= s && m.index! < e)) continue;
    if (text[m.index! - 1] === '【') continue;
    const municipality = m[2] && !GENERIC_AREA.test(m[2]) ? m[2] : null;
    const end = m.index! + m[1]!.length + (municipality?.length ?? 0);
    out.push(place(ctx, m[1]!, municipality, 'mention', null, at(m.index!, end)));
  }
  return out.map((p, i) => ({ ...p, id: makeId('place', ctx.slide.index, i) }));
}

function place(ctx: SlideContext, prefecture: string, municipality: string | null, kind: Place['kind'], group: number | null, at: Place['at']): Place {
  return { id: '', program: ctx.program, block: null, slide: ctx.slide.index, prefecture, municipality, kind, group, at };
}

/**
 * The municipalities listed after one heading, read line by line from the span so that white
 * space separates items; "五島" + "市" on the next line is one name.
 */
function listItems(ctx: SlideContext, toSpan: Int32Array, start: number, end: number): { name: string; at: Place['at'] }[][] {
  const s = toSpan[start]!;
  const e = toSpan[Math.min(end, toSpan.length - 1)]!;
  const text = ctx.span.text.slice(s, e);
  const tokens = [...text.matchAll(/[^\s【】]+/g)].map((m) => ({ text: m[0], start: s + m.index!, end: s + m.index! + m[0].length }));
  const items: { name: string; at: Place['at'] }[][] = [];
  for (let k = 0; k < tokens.length; k++) {
    let tok = tokens[k]!;
    // A name cut before its suffix: "五島" then "市".
    if (!/[市町村区]$/.test(tok.text) && /^[市町村区]$/.test(tokens[k + 1]?.text ?? '')) {
      tok = { text: tok.text + tokens[k + 1]!.text, start: tok.start, end: tokens[k + 1]!.end };
      k++;
    }
    const names = tok.text.split('・');
    if (!names.every((n) => MUNICIPALITY.test(n))) continue;
    if (names.length === 1) {
      items.push([{ name: tok.text, at: ctx.span.locate(tok.start, tok.end) }]);
      continue;
    }
    let offset = tok.start;
    items.push(
      names.map((name) => {
        const at = ctx.span.locate(offset, offset + name.length);
        offset += name.length + 1; // the name and its "・"
        return { name, at };
      }),
    );
  }
  return items;
}
