import { beforeAll, describe, expect, it } from 'vitest';
import type { Briefing } from '../../schemas/briefing.ts';
import type { Block } from '../../schemas/content.ts';
import { continuesLine } from '../../pipeline/parse/content/join.ts';
import { itemStarts, listMarker, noteMarker } from '../../pipeline/parse/content/markers.ts';
import { withoutReadings } from '../../pipeline/parse/content/sheet.ts';
import { parseR6, R6_TEXT } from '../helpers/r6.ts';

let briefing: Briefing;
beforeAll(async () => {
  ({ briefing } = await parseR6());
});

const slide = (index: number) => briefing.slides[index - 1]!;
const blocksOf = (index: number) => slide(index).blocks;
const ofKind = <K extends Block['kind']>(index: number, kind: K) => blocksOf(index).filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
const blockText = (b: Block): string => {
  switch (b.kind) {
    case 'list':
      return b.items.map((i) => `${i.marker}${i.label ? `${i.label}：` : ''}${i.text}`).join('\n');
    case 'fields':
      return b.fields.map((f) => `${f.label}：${f.text}`).join('\n');
    case 'other':
      return b.items.map((i) => i.text).join('\n');
    case 'chart':
      return b.items.map((i) => `${i.printed}${i.label}`).join('\n');
    case 'table':
      return [...b.header, ...b.rows].map((r) => r.map((c) => c.text).join('\t')).join('\n');
    case 'note':
      return `${b.marker}${b.text}`;
    default:
      return b.text;
  }
};

describe('slide content: nothing the slide says is dropped', () => {
  it('puts every non-blank line of every slide in a block, except the title line and printed page numbers', () => {
    const lines = R6_TEXT.split('\n');
    const missing: string[] = [];
    for (const s of briefing.slides) {
      const covered = new Set<number>();
      if (s.titleAt) for (let n = s.titleAt.line; n <= s.titleAt.endLine; n++) covered.add(n);
      for (const b of s.blocks) for (let n = b.at.line; n <= b.at.endLine; n++) covered.add(n);
      for (const b of s.blocks) if (b.kind === 'table') for (const c of b.copies) for (let n = c.startLine; n <= c.endLine; n++) covered.add(n);
      for (let n = s.startLine; n <= s.endLine; n++) {
        const t = lines[n - 1]!.trim();
        if (t === '' || covered.has(n)) continue;
        if (/^\d{1,3}$/.test(t) && Number(t) === s.index) continue; // the printed page number
        missing.push(`slide ${s.index} line ${n}: ${t}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every block a unique id in slide order, and keeps the raw text of its lines', () => {
    const ids = briefing.slides.flatMap((s) => s.blocks.map((b) => b.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(blocksOf(1)[0]!.id).toBe('s01-b01');
    const sourceLines = R6_TEXT.split('\n');
    for (const b of briefing.slides.flatMap((s) => s.blocks)) expect(b.at.raw.split('\n')[0]).toBe(sourceLines[b.at.line - 1]!.slice(b.at.column - 1, b.at.line === b.at.endLine ? b.at.endColumn - 1 : undefined));
  });

  it('titles slides by the line that reads as a title, not by the first frame of the text layer', () => {
    expect(slide(43).title).toBe('地方公務員の人材育成・確保の推進（R6新規）');
    expect(slide(49).title).toBe('「地域における多文化共生推進プラン」の概要');
    expect(slide(56).title).toBe('行政相談活動と困りごと解決への連携のお願い（行政相談企画課資料）');
    expect(slide(10).title).toBe('移住・交流情報ガーデン（H27.3～）');
    expect(slide(1).title).toBe('地域おこし協力隊について');
  });

  it('keeps what the text layer glued to a title as a block of its own (a note, a budget)', () => {
    expect(slide(6).title).toBe('地域活性化起業人（H26～）');
    expect(ofKind(6, 'note')[0]).toMatchObject({ marker: '※', text: 'H26～R2は「地域おこし企業人」' });
    expect(slide(55).title).toBe('日本にゆかりのある方々と国内自治体との連携促進');
    expect(ofKind(55, 'fields').flatMap((b) => b.fields)).toContainEqual(expect.objectContaining({ label: 'R6当初予算額', text: '25百万円（R5予算額：25百万円）' }));
  });
});

describe('slide content: blocks', () => {
  it('reads 実施主体 and 活動期間 of 地域おこし協力隊 as key–value items, the measures nested under 地方財政措置', () => {
    const list = ofKind(1, 'list')[0]!;
    expect(list.items.filter((i) => i.label).map((i) => [i.label, i.text])).toEqual([
      ['実施主体', '地方公共団体'],
      ['活動期間', '概ね1年以上3年以下'],
      ['地方財政措置', '＜特別交付税措置：R6＞'],
    ]);
    const measures = list.items.filter((i) => i.marker === '・');
    expect(measures).toHaveLength(7);
    expect(measures.every((i) => i.level === 2)).toBe(true);
    expect(measures.at(-1)!.text).toBe('任期終了後の隊員が定住するための空き家の改修に要する経費：措置率0.5');
  });

  it('joins lines the text layer broke mid-word and mid-sentence ("隊" / "員は", "…任期" / "終了した…")', () => {
    expect(ofKind(1, 'list')[0]!.items[0]!.text).toContain('として委嘱。隊員は、一定期間、地域に居住して');
    expect(ofKind(1, 'list').flatMap((b) => b.items).map((i) => i.text)).toContain('制度創設以来、R4末までに任期終了した隊員については、およそ65%、');
    expect(ofKind(3, 'list')[0]!.items[0]!.text).toBe('地域おこし協力隊の隊員数は、令和5年度は7,200人であり、令和8年度までに10,000人とする目標を掲げている（デジタル田園都市国家構想総合戦略）。');
  });

  it('rebuilds the 隊員数 / 自治体数 table with years across, the wrapped cells ("1,061" / "団体") whole', () => {
    const table = ofKind(1, 'table')[0]!;
    expect(table.role).toBe('series');
    expect(table.header[0]!.map((c) => c.text)).toEqual(['年度', '21年度', '22年度', '23年度', '24年度', '25年度', '26年度', '27年度', '28年度', '29年度', '30年度', '元年度', '2年度', '3年度', '4年度', '5年度']);
    expect(table.rows.map((r) => r[0]!.text)).toEqual(['隊員数', '自治体数']);
    expect(table.rows[0]!.at(-1)!.text).toBe('7,200人');
    expect(table.rows[1]!.slice(10, 12).map((c) => c.text)).toEqual(['1,061団体', '1,071団体']);
    expect(table.series).toEqual(['series-s01-1', 'series-s01-2']);
  });

  it('keeps the ※ note under the ガーデン table that says the H27 figures include 3月28～31日', () => {
    const blocks = blocksOf(10);
    const note = blocks.findIndex((b) => b.kind === 'note' && b.text.includes('3月28～31日分を含む'));
    const table = blocks.findIndex((b) => b.kind === 'table' && b.role === 'year-rows');
    expect(note).toBeGreaterThanOrEqual(0);
    expect(Math.abs(note - table)).toBe(1);
    const rows = (blocks[table] as Extract<Block, { kind: 'table' }>).rows;
    expect(rows[0]!.map((c) => c.text)).toEqual(['平成27年度', '16,687', '7,593', '206']);
    expect((blocks[table] as Extract<Block, { kind: 'table' }>).header[0]!.map((c) => c.text)).toEqual(['年度', '来場者数（人）', 'あっせん件数（件）', 'イベント回数（回）']);
  });

  it('keeps the RMO slide\'s 措置率1/2 notes and the count of 874市区町村・7,710団体', () => {
    expect(ofKind(30, 'note').map((n) => n.text)).toContain('措置率1/2・財政力補正');
    expect(blocksOf(29).map(blockText).join('\n')).toContain('874市区町村で、おおむね小学校区単位に7,710団体が形成（令和5年度調査）');
  });

  it('keeps the request to local governments on the 臨時交付金 slide as running text', () => {
    expect(ofKind(57, 'paragraph').map((p) => p.text)).toContain('完了した事業については、地方公共団体において効果を公表してください。また、公表にあたっては見やすく分かりやすい説明となるよう努めてください。');
  });

  it('lists the 特定地域づくり事業協同組合 by prefecture, 島根県 with its 13 municipalities', () => {
    const table = ofKind(27, 'table').find((t) => t.role === 'places')!;
    const shimane = table.rows.find((r) => r[0]!.text === '島根県')!;
    expect(shimane[1]!.text.split('、')).toHaveLength(13);
    expect(table.rows.find((r) => r[0]!.text === '福島県')![1]!.text).toContain('柳津町・三島町・昭和村');
    expect(table.rows.find((r) => r[0]!.text === '京都府')![1]!.text).toBe('綾部市、京丹後市');
  });

  it('shows the JET participants by country as a table with the printed total', () => {
    const table = ofKind(54, 'table').find((t) => t.role === 'breakdown')!;
    expect(table.rows).toHaveLength(15);
    expect(table.rows[0]!.map((c) => c.text)).toEqual(['アメリカ合衆国', '3,042']);
    expect(table.rows.at(-1)!.map((c) => c.text)).toEqual(['総数', '5,831']);
  });

  it('draws the funding picture of ローカル10,000プロジェクト as shares: ½ 国費, ¼ 特別交付税, ¼ 実質的な地方負担', () => {
    expect(ofKind(17, 'chart')[0]!.items.map((i) => `${i.printed} ${i.label}`)).toEqual(['½ 国費', '¼ 特別交付税', '¼ 実質的な地方負担']);
  });

  it('rebuilds the contact list as a table: one row per department, 7 with two', () => {
    const rows = briefing.slides.flatMap((s) => s.blocks).filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table' && b.role === 'contacts').flatMap((t) => t.rows);
    expect(rows).toHaveLength(32);
    expect(rows.filter((r) => r[0]!.text.startsWith('7　')).length + 1).toBe(2);
    expect(rows.find((r) => r[0]!.text.startsWith('1　'))!.map((c) => c.text)).toEqual(['1　地域おこし協力隊', '地域自立応援課', '久芝、森本、豊原、河西、芳賀', '03-5253-5394']);
  });

  it('shows the embedded spreadsheet once, without its phonetic readings, and lists the other copies', () => {
    const sheet = ofKind(57, 'table').find((t) => t.role === 'sheet')!;
    expect(sheet.copies.map((c) => c.label)).toEqual(['加工用', '元データ', '原本']);
    const text = blockText(sheet);
    expect(text).toContain('（内閣府）');
    expect(text).not.toMatch(/ナイカクフ|ジョウキョウ|コウヒョウ/);
    expect(text).toContain('公表済み 1,600団体');
  });
});

describe('slide content: figures point at their block', () => {
  it('puts the R6 budget of 地域おこし協力隊 in the key–value block of slide 3, and the 隊員数 series in its table', () => {
    const budget = briefing.budgets.find((b) => b.id === 'budget-s03-1')!;
    const block = blocksOf(3).find((b) => b.id === budget.block)!;
    expect(block.kind).toBe('fields');
    const series = briefing.series.find((s) => s.id === 'series-s01-1')!;
    expect(blocksOf(1).find((b) => b.id === series.block)).toMatchObject({ kind: 'table', role: 'series' });
  });

  it('links every figure to a block, but those printed in a slide title', () => {
    const figures = [...briefing.budgets, ...briefing.measures, ...briefing.rates, ...briefing.series, ...briefing.quantities, ...briefing.dates, ...briefing.places, ...briefing.tableRows, ...briefing.breakdowns];
    const inTitle = (f: (typeof figures)[number]) => slide(f.slide).titleAt?.line === f.at.line;
    expect(figures.filter((f) => f.block === null && !inTitle(f)).map((f) => `${f.id} line ${f.at.line}`)).toEqual([]);
    expect(figures.filter((f) => f.block === null).length).toBeLessThan(15);
  });
});

describe('line joining and markers', () => {
  it.each([
    ['隊', '員は、一定期間', 1, true],
    ['…およそ70%', 'が同じ地域に定住', 0, true],
    ['（デジタル田園都市国家構想', '総合戦略）。', 1, true],
    ['…総合戦略）。', '目標の達成に向けて', 0, false],
    ['地域おこし協力隊', '地 域 地方公共団体', 1, false],
    ['8月中旬～12月中旬 審査、現地視察、懇談会、受賞者の決定・内示', '1月中旬 報道発表', 0, false],
    ['［所在地］ 東京都中央区京橋1-1-6 越前屋ビル', '［アクセス］JR／東京駅（八重洲中央口）より徒歩4分', 0, false],
    ['5,000万', '円', 0, true],
  ])('"%s" + "%s" (%i blank lines) → %s', (prev, next, blanks, joined) => {
    expect(continuesLine(prev, next, { blanks, widest: 120, item: false })).toBe(joined);
  });

  it('reads markers as printed and splits several items on one line', () => {
    expect(listMarker('○実施主体：地方公共団体')).toMatchObject({ text: '○', family: '○' });
    expect(listMarker('（1） 報償費等の上限')).toMatchObject({ text: '（1）', family: 'paren-number' });
    expect(listMarker('2.0～の場合')).toBeNull();
    expect(listMarker('・')).toBeNull();
    expect(noteMarker('※1 岩手県、宮城県、福島県に限定')).toMatchObject({ text: '※1' });
    expect(noteMarker('※874市区町村で')).toMatchObject({ text: '※' });
    expect(itemStarts('○実施主体：地方公共団体 ○活動期間：概ね1年以上3年以下')).toEqual([0, 13]);
    expect(itemStarts('○ 過疎対策事業債（充当率100%）の対象施設において実施する上記①及び②を')).toEqual([0]);
  });

  it('drops the phonetic readings of a spreadsheet cell and keeps its text', () => {
    expect(withoutReadings('（内閣府） ナイカクフ')).toBe('（内閣府）');
    expect(withoutReadings('改革工程表2022,2023 シン ケイザイ ザイセイ サイセイ ケイカク')).toBe('改革工程表2022,2023');
    expect(withoutReadings('プロデューサー')).toBe('プロデューサー');
  });
});

describe('figures read with their slide content: labels as the slide gives them', () => {
  const measure = (slide: number, item: string | RegExp) => briefing.measures.find((m) => m.slide === slide && (typeof item === 'string' ? m.item === item : item.test(m.item)));

  it('names the JET cap of 602万円 by the cost it is for: 私立学校JET雇用への都道府県の助成', () => {
    expect(measure(54, /602/)).toBeUndefined();
    const m = briefing.measures.find((x) => x.slide === 54 && x.cap?.yen === 6_020_000)!;
    expect(m.item).toBe('私立学校におけるJET参加者の雇用に係る都道府県の助成経費');
    expect(m.rates.map((r) => r.printed)).toEqual(['0.5']);
  });

  it('reads the 普通交付税 amounts of JET for a standard local government, one as a formula', () => {
    const standard = briefing.measures.filter((m) => m.slide === 54 && m.amount);
    expect(standard.map((m) => [m.basis, m.amount!.printed, m.formula])).toEqual([
      ['標準団体（人口170万人）の場合', '2億5千万円', null],
      ['標準団体（人口10万人）の場合', '120万円', '120万円＋JET参加者数×482万円'],
    ]);
    expect(standard.every((m) => m.kind === '普通交付税措置' && m.item === '地方自治体におけるJET参加者の任用に要する経費（報酬・旅費など）')).toBe(true);
  });

  it('keeps the ふるさとワーキングホリデー cap as one formula, not two caps', () => {
    const caps = briefing.measures.filter((m) => m.slide === 14);
    expect(caps).toHaveLength(1);
    expect(caps[0]).toMatchObject({ formula: '15,000千円＋5千円×全参加者の延べ滞在日数', perUnit: '団体', item: '地方公共団体が実施するふるさとワーキングホリデーに要する経費' });
    expect(caps[0]!.cap!.yen).toBe(15_000_000);
  });

  it('labels the 起業人 caps with their scheme, 企業派遣型 or 副業型', () => {
    const during = briefing.measures.filter((m) => m.slide === 7 && m.item === '受入れの期間中に要する経費');
    expect(during.map((m) => [m.scheme, m.cap!.printed])).toEqual([
      ['企業派遣型', '560万円'],
      ['副業型', '200万円'],
    ]);
    expect(measure(9, /報償費等/)!.item).toBe('地域プロジェクトマネージャーの報償費等');
  });

  it('keeps measures that have a rate and no cap: 空き家の改修 措置率0.5, 移住・定住対策 0.5×財政力補正', () => {
    expect(measure(1, '任期終了後の隊員が定住するための空き家の改修に要する経費')).toMatchObject({ cap: null, rate: 0.5, rateRaw: '0.5', kind: '特別交付税措置' });
    expect(measure(11, '地方自治体が実施する移住・定住対策に要する経費')).toMatchObject({ cap: null, rate: 0.5, rateRaw: '0.5×財政力補正' });
  });

  it('reads bonds with their 充当率 and 交付税措置率 / 算入率', () => {
    const rates = (slide: number, item: string) => measure(slide, item)!.rates.map((r) => `${r.name}${r.printed}`);
    expect(rates(23, '脱炭素化推進事業債')).toEqual(['充当率90%', '交付税措置率50%']);
    expect(rates(31, '過疎対策事業債')).toEqual(['充当率100%', '元利償還措置率70%']);
    expect(rates(42, '地域活性化事業債')).toEqual(['充当率90%', '交付税算入率30%']);
    expect(rates(58, '一般単独・一般事業債（石綿対策事業）')).toEqual(['充当率95%', '元利償還措置率40%']);
    expect(briefing.measures.filter((m) => m.slide === 23).map((m) => m.item)).toEqual(['脱炭素化推進事業債', '過疎対策事業債']);
  });

  it('types the 【参考】 budgets of 多文化共生 as another body\'s grants, and the 8.0億円 of 過疎対策 as a printing of 805百万円', () => {
    const refs = briefing.budgets.filter((b) => b.reference);
    expect(refs.map((b) => [b.amount.printed, b.subject])).toEqual([
      ['11億円', '外国人受入環境整備交付金（法務省所管）'],
      ['5億円', '文化芸術振興費補助金（地域日本語教育の総合的な体制づくり推進事業）（文化庁所管）'],
    ]);
    const printed = briefing.budgets.find((b) => b.amount.printed === '8.0億円')!;
    expect(printed.subject).toBe('過疎地域持続的発展支援交付金');
    expect(briefing.budgets.find((b) => b.id === printed.sameAs)!.amount.printed).toBe('805百万円');
    expect(briefing.budgets.find((b) => b.amount.printed === '5,700億円')).toMatchObject({ kind: '計画', subject: '過疎対策事業債' });
  });
});
