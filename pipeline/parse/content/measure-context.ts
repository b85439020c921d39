import type { Block } from '../../../schemas/content.ts';
import type { FiscalMeasure, Rate } from '../../../schemas/figures.ts';
import type { Provenance } from '../../../schemas/provenance.ts';
import { amountPattern, parseAmount } from '../../units/number.ts';
import { makeId } from '../extract/context.ts';
import type { SlideSegment } from '../segment.ts';
import { Span } from '../span.ts';
import { blockTexts, GRANT_NAME, textOf, type BlockText } from './block-text.ts';

type MeasureRate = FiscalMeasure['rates'][number];

/** A heading that names a variant of the program ("【企業派遣型】"), not a kind of figure ("【上限額】"). */
const SCHEME = /^【([^【】]{2,10})】$/u;
const NOT_SCHEME = /上限|措置|補助|制度|経費|目標|参考|内容|メリット|事業例|記載例/u;
const MARKERS = /^[\s※・•●○■◆★▶①-⑳❶-❿]*(?:[（(]\d+[）)]|\d+\s*[．.]?)?\s*/u;
/** Labels that name no cost of their own: the cost is in the text around them. */
const GENERIC_ITEM = /^(?:対象経費|地方単独事業|算定)$/u;
const QUALIFIER = /^\s*([×・]\s*財政力補正(?:係数)?)/u;
/** "措置率0.5 団体の財政力に応じた補正あり": a correction stated after the rate. */
const CORRECTION = /^\s+([^\s。、（(]{0,16}財政力[^\s。、]{0,12})/u;
/** Labels, kind words and arrows of a diagram: no subject of a rate. */
const NO_SUBJECT = /^(?:…*(?:特別|普通)?交付税(?:措置)?|措置率|※)?$/u;
const STANDARD = new RegExp(`(標準団体[（(][^）)]*[）)]の場合)、\\s*(${amountPattern()})((?:\\s*[＋+]\\s*[^×（(、。]+?×\\s*${amountPattern(true)})?)`, 'gu');

const clean = (s: string) =>
  s
    .replace(MARKERS, '')
    .replace(/を(?:特別|普通)交付税措置(?:する)?$/u, '')
    .replace(/[、，\s]+$/u, '')
    .trim();

/**
 * What the slide says around each fiscal measure, read from its content: the variant it belongs
 * to (the 【…】 heading above it), every rate printed with it, and for a cap printed only as a
 * calculation ("（算定：…602万円×0.5）") the cost it is for. Rates printed without a cap
 * (空き家の改修 措置率0.5, 脱炭素化推進事業債 充当率90%) and the standard amounts of 普通交付税
 * (標準団体の場合 120万円＋JET参加者数×482万円) become measures of their own.
 */
export function measuresInContext(
  measures: readonly FiscalMeasure[],
  rates: readonly Rate[],
  blocksOf: (slide: number) => readonly Block[],
  segments: readonly SlideSegment[],
  titleOf: (slide: number) => string,
): FiscalMeasure[] {
  const used = new Set<string>();
  const placed = measures.map((m) => {
    const texts = blockTexts(blocksOf(m.slide));
    const found = textOf(texts, m.at);
    const own = rates.filter((r) => r.slide === m.slide && found && textOf(texts, r.at)?.index === found.index && nearest(r, measures, texts) === m.id);
    for (const r of own) used.add(r.id);
    return {
      ...m,
      item: found ? itemInContext(m.item, found.text, texts, found.index) : m.item,
      scheme: schemeOf(texts, found?.index ?? -1),
      rates: own.map((r) => measureRate(r)),
    };
  });
  const rateOnly = rateMeasures(rates.filter((r) => !used.has(r.id)), blocksOf, titleOf);
  const standard = segments.flatMap((s) => standardAmounts(s, blocksOf(s.index), measures.find((m) => m.slide === s.index)?.program ?? null));
  return renumber([...placed, ...rateOnly, ...standard]);
}

/** Of the measures in the rate's text, the last one printed before it (else the first after it). */
function nearest(r: Rate, measures: readonly FiscalMeasure[], texts: readonly BlockText[]): string | null {
  const index = textOf(texts, r.at)?.index;
  const inText = measures.filter((m) => m.slide === r.slide && textOf(texts, m.at)?.index === index);
  const before = inText.filter((m) => m.at.line < r.at.line || (m.at.line === r.at.line && m.at.column <= r.at.column));
  return (before.at(-1) ?? inText[0])?.id ?? null;
}

function measureRate(r: Rate): MeasureRate {
  const name = r.name;
  const after = r.context.slice(r.context.indexOf(r.printed) + r.printed.length);
  const qualifier = QUALIFIER.exec(after)?.[1]?.replace(/\s+/g, '');
  const correction = CORRECTION.exec(after)?.[1];
  return { name, value: r.value, printed: qualifier ? `${r.printed}${qualifier}` : correction ? `${r.printed}（${correction}）` : r.printed, at: r.at };
}

function schemeOf(texts: readonly BlockText[], index: number): string | null {
  for (let k = index - 1; k >= 0; k--) {
    const t = texts[k]!;
    if (t.block.kind !== 'heading') continue;
    const m = SCHEME.exec(t.text);
    if (m && !NOT_SCHEME.test(m[1]!)) return m[1]!;
  }
  return null;
}

/** "・私立学校における…助成経費について、特別交付税措置（算定：…602万円×0.5）": the cost before について. */
function itemInContext(item: string, text: BlockText, texts: readonly BlockText[], index: number): string {
  if (/[（(]算定[:：]/.test(text.text) && /について/.test(text.text)) return clean(text.text.slice(0, text.text.indexOf('について')));
  if (!GENERIC_ITEM.test(item)) return item;
  for (let k = index; k >= 0; k--) {
    const m = /^(.*?に要する経費)/u.exec(clean(texts[k]!.text));
    if (m) return m[1]!;
  }
  return item;
}

/** What a rate printed without a cap applies to, read from its text and the texts before it. */
function rateSubject(r: Rate, found: { text: BlockText; index: number } | null, texts: readonly BlockText[], title: string): string {
  const text = found?.text.text ?? r.context;
  const at = text.indexOf(r.printed);
  const before = at >= 0 ? text.slice(0, at) : text;
  const earlier = found ? texts.slice(0, found.index).reverse().map((t) => clean(t.text)) : [];
  // a subsidy rate of a grant's sub-program: the program named above its description
  if (r.name === '補助率') return [clean(before.split(/[（(]/u)[0]!), ...earlier].find((t) => /^[^。、]{4,30}事業$/u.test(t)) ?? title;
  const bond = [...before.matchAll(new RegExp(GRANT_NAME.source, 'gu'))].at(-1)?.[1];
  if (bond && /債/u.test(bond)) return clean(bond);
  const share = /^(.*?)の\s*[\d.]+\s*%\s*(?:について|を)/u.exec(text);
  if (share) return clean(share[1]!);
  // "※いずれも令和7年度までの特別交付税措置": every numbered cost listed before the note
  if (/^※?いずれも/u.test(clean(text)) && found) {
    const items = texts.slice(0, found.index).filter((t) => t.block.kind === 'list' && /経費/u.test(t.text));
    const costs = items.slice(-3).map((t) => clean(t.text)).map((t) => t.slice(0, t.indexOf('経費') + 2));
    if (costs.length > 0) return costs.join('、');
  }
  const sentence = before.includes('。') ? before.slice(0, before.lastIndexOf('。')) : before;
  const regarding = /([^、。]*?)について/u.exec(sentence);
  if (regarding && before.includes('。')) return clean(regarding[1]!);
  const colon = before.lastIndexOf('：');
  const paren = Math.max(before.lastIndexOf('（'), before.lastIndexOf('('));
  const cut = Math.max(paren, colon);
  const subject = cut > 0 ? clean(before.slice(0, cut)) : clean(before);
  if (!NO_SUBJECT.test(subject)) return subject;
  // a note under a cost ("※措置率1/2・財政力補正"): the cost above it, past the kind words of a diagram
  if (/^※/u.test(text)) {
    const cost = earlier.find((t) => !NO_SUBJECT.test(t));
    if (cost) return clean(cost.split(/[（(]措置対象|…/u)[0]!);
  }
  return title;
}

function kindOf(rates: readonly Rate[], text: string, subject: string): FiscalMeasure['kind'] {
  if (rates.some((r) => r.name === '補助率')) return '国庫補助';
  if (/債$/u.test(subject) || rates.some((r) => ['充当率', '交付税措置率', '交付税算入率', '元利償還措置率'].includes(r.name))) return '地方債';
  return /普通交付税/u.test(text) && !/特別交付税/u.test(text) ? '普通交付税措置' : '特別交付税措置';
}

/** Rates that belong to no cap: one measure per text they stand in (充当率 and 交付税措置率 of one bond together). */
function rateMeasures(rates: readonly Rate[], blocksOf: (slide: number) => readonly Block[], titleOf: (slide: number) => string): FiscalMeasure[] {
  const groups = new Map<string, { rates: Rate[]; found: { text: BlockText; index: number } | null; texts: BlockText[] }>();
  for (const r of rates) {
    const texts = blockTexts(blocksOf(r.slide));
    const found = textOf(texts, r.at);
    if (found && /【参考】/u.test(found.text.text)) continue; // another body's subsidy, not a measure of this program
    const key = `${r.slide}:${found?.index ?? r.at.line}`;
    if (!groups.has(key)) groups.set(key, { rates: [], found, texts });
    groups.get(key)!.rates.push(r);
  }
  const made = [...groups.values()].map(({ rates: rs, found, texts }) => {
    const first = rs[0]!;
    const full = found?.text.text ?? first.context;
    const subject = rateSubject(first, found, texts, titleOf(first.slide));
    const measureRates = rs.map(measureRate);
    const treatment = measureRates.find((r) => r.name === '措置率');
    return {
      id: '',
      program: first.program,
      block: null,
      slide: first.slide,
      item: subject,
      scheme: null,
      cap: null,
      formula: null,
      amount: null,
      basis: null,
      rates: measureRates,
      perUnit: null,
      perYear: false,
      rate: treatment?.value ?? null,
      rateRaw: treatment?.printed ?? null,
      kind: kindOf(rs, full, subject),
      components: [],
      previous: null,
      at: first.at,
      inDiagram: found?.text.block.kind === 'other',
    };
  });
  return mergeRepeats(made);
}

const rateKey = (r: MeasureRate) => `${r.name}:${r.value}`;

/**
 * A diagram repeats rates its text states ("交付税措置率50%" beside the bond): such a repeat is no
 * measure. The repayment share of a slide's only bond ("元利償還金の40%を特別交付税措置") is a rate
 * of that bond.
 */
function mergeRepeats(made: (FiscalMeasure & { inDiagram: boolean })[]): FiscalMeasure[] {
  const out: FiscalMeasure[] = [];
  const isBond = (m: FiscalMeasure) => m.kind === '地方債' && /債/u.test(m.item);
  // bonds first, so that a share of a bond's repayment finds its bond
  for (const m of [...made.filter(isBond), ...made.filter((x) => !isBond(x))]) {
    const others = made.filter((o) => o !== m && o.slide === m.slide);
    const repeated = m.inDiagram && m.rates.every((r) => others.some((o) => !o.inDiagram && o.rates.some((x) => rateKey(x) === rateKey(r))));
    if (repeated) continue;
    const bonds = others.filter((o) => o.kind === '地方債' && /債/u.test(o.item));
    if (!/債/u.test(m.item) && m.kind === '地方債' && bonds.length >= 1 && new Set(bonds.map((b) => b.item)).size === 1) {
      const bond = out.find((o) => o.slide === m.slide && o.item === bonds[0]!.item);
      if (bond) {
        bond.rates.push(...m.rates);
        continue;
      }
    }
    const { inDiagram: _, ...measure } = m;
    out.push(measure);
  }
  return out;
}

/** "（標準団体（人口10万人）の場合、120万円＋JET参加者数×482万円）": what 普通交付税 provides, for the cost named before it. */
function standardAmounts(slide: SlideSegment, blocks: readonly Block[], program: string | null): FiscalMeasure[] {
  const span = new Span(slide.lines);
  const texts = blockTexts(blocks);
  return [...span.text.replace(/\n/g, ' ').matchAll(STANDARD)].flatMap((m) => {
    const amount = parseAmount(m[2]!);
    if (!amount) return [];
    const start = m.index! + m[0].indexOf(m[2]!);
    const at: Provenance = span.locate(start, m.index! + m[0].length);
    const found = textOf(texts, at);
    const cost = found ? [...texts.slice(0, found.index + 1)].reverse().map((t) => /^(.*?に要する経費(?:[（(][^）)]*[）)])?)/u.exec(clean(t.text))?.[1]).find(Boolean) : undefined;
    return [
      {
        id: '',
        program,
        block: null,
        slide: slide.index,
        item: cost ?? m[1]!,
        scheme: null,
        cap: null,
        formula: m[3] ? `${m[2]}${m[3]}`.replace(/\s+/g, '') : null,
        amount,
        basis: m[1]!.replace(/\s+/g, ''),
        rates: [],
        perUnit: null,
        perYear: false,
        rate: null,
        rateRaw: null,
        kind: '普通交付税措置',
        components: [],
        previous: null,
        at,
      } satisfies FiscalMeasure,
    ];
  });
}

/** Measures in the order the slides print them, numbered per slide. */
function renumber(measures: FiscalMeasure[]): FiscalMeasure[] {
  const sorted = [...measures].sort((a, b) => a.slide - b.slide || a.at.line - b.at.line || a.at.column - b.at.column);
  const counts = new Map<number, number>();
  return sorted.map((m) => {
    const n = counts.get(m.slide) ?? 0;
    counts.set(m.slide, n + 1);
    return { ...m, id: makeId('measure', m.slide, n) };
  });
}
