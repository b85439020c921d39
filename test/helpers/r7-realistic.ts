import { R6_TEXT, parseR6, slideLines } from './r6.ts';

/** Replace text that must occur exactly `times` times (once by default): a helper that fails loudly when R6 moves. */
export function replaceExactly(text: string, find: string | RegExp, replace: string, times = 1): string {
  const pattern = typeof find === 'string' ? new RegExp(find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : new RegExp(find.source, find.flags.includes('g') ? find.flags : `${find.flags}g`);
  const found = text.match(pattern)?.length ?? 0;
  if (found !== times) throw new Error(`${String(find)} occurs ${found} times, expected ${times}`);
  return text.replace(pattern, replace);
}

/** Each figure change of the realistic R7, old → new, by kind: what `diff` must find. */
export const R7_CHANGES = {
  budget: { program: 'kyoryokutai', from: '248百万円', to: '275百万円' },
  cap: { program: 'kyoryokutai', from: '520万円', to: '540万円' },
  capComponent: { program: 'kyoryokutai', from: '320万円', to: '340万円' },
  previousCap: { program: 'kyoryokutai', from: '280万円', to: '320万円' },
  seriesPoint: { program: 'kyoryokutai', label: '隊員数', year: 2024, to: '7,910人' },
  breakdownItem: { program: 'jet', from: '3,042', to: '3,087' },
  breakdownTotal: { program: 'jet', from: '5,831', to: '5,876' },
  quantity: { program: 'jet', from: '5,355人', to: '5,400人' },
  nth: { program: 'furusato-award', from: '42回', to: '43回' },
  rate: { program: 'kaso', from: '70％', to: '75％' },
  date: { program: 'jet', from: '令和６年', to: '令和７年' },
  phone: { program: 'pfs', from: '03-5253-5523', to: '03-5253-5525' },
} as const;

/** Sentences of the slides the realistic R7 adds, drops and rewords: what the diff lists as 記載. */
export const R7_SENTENCES = {
  /** a new 取組例 that names a municipality of 島根県: first in that prefecture's changes */
  added: { program: 'gyosei-sodan', text: '島根県邑南町では、行政相談委員と連携した出張相談会を毎月開催', prefecture: '島根県' },
  removed: { program: 'rinji', text: 'また、公表にあたっては見やすく分かりやすい説明となるよう努めてください。' },
  reworded: { program: 'tokutei-kumiai', from: '組合設立、運営支援のためのアドバイザー派遣を実施', to: '組合設立、運営支援のためのアドバイザー派遣及び研修を実施' },
} as const;

/**
 * A realistic FY2025 (令和7年度) edition derived from R6, as the ministry would publish it: the era
 * labels move (R6当初予算額 → R7当初予算額, ＜特別交付税措置：R7＞, 「令和7年度で43回目。令和5年度までに…」),
 * figures change consistently (the 協力隊 cap and its components on both slides, the JET country
 * value with its total and the ALT count on both slides), the 拡充 slide is updated, a new year
 * joins the 隊員数 series, a rate changes, 医療コンテナ (21-⑨) is removed and the contact list
 * renumbered after it (PFS 21-⑩ → 21-⑨, 労働者協同組合 21-⑪ → 21-⑩), and a program is added at the
 * end (21-⑪) with a slide of its own (a budget and a cap). Every check of R6 still holds on it.
 */
export async function realisticR7(): Promise<string> {
  const { briefing } = await parseR6();
  const block = (index: number) => slideLines(briefing, R6_TEXT, index);
  const contactPages = briefing.slides.filter((s) => s.program === null).map((s) => s.index);
  const removed = briefing.slides.filter((s) => s.program === '21-⑨').map((s) => s.index);
  const body = briefing.slides.filter((s) => s.program !== null && !removed.includes(s.index)).flatMap((s) => block(s.index));
  const newSlide = [
    ' 地域の担い手確保支援事業',
    '● 地域の担い手の確保に取り組む市町村を支援。',
    '○地方財政措置：＜特別交付税措置：R7＞',
    '・担い手の確保に要する経費：300万円／団体を上限',
    '',
    'R7当初予算額：12百万円',
    '',
  ];
  let text = [...body, ...newSlide, ...contactPages.flatMap(block)].join('\n');
  // era labels of the edition's own year
  text = replaceExactly(text, /R(６|6)当初予算額/g, 'R7当初予算額', 8);
  text = replaceExactly(text, /R 6 当 初 予 算 額/g, 'R 7 当 初 予 算 額', 2);
  text = replaceExactly(text, '＜特別交付税措置：R6＞', '＜特別交付税措置：R7＞');
  text = replaceExactly(text, '令和６年度計画額', '令和７年度計画額');
  text = replaceExactly(text, '令和６年度当初予算額', '令和７年度当初予算額');
  text = replaceExactly(text, '【 R６当初：', '【 R７当初：');
  text = replaceExactly(text, /R６当初予算 /g, 'R７当初予算 ', 2);
  // figures, changed consistently wherever they are printed
  text = replaceExactly(text, 'R7当初予算額：248百万円', 'R7当初予算額：275百万円');
  text = replaceExactly(text, '520万円／人を上限(報償費等：320万円、', '540万円／人を上限(報償費等：340万円、');
  text = replaceExactly(text, '（隊員１人当たり280万円⇒320万円）', '（隊員１人当たり320万円⇒340万円）');
  text = replaceExactly(text, '3年度 4年度 5年度', '3年度 4年度 5年度 6年度');
  text = replaceExactly(text, '6,447人 7,200人', '6,447人 7,200人 7,910人');
  text = replaceExactly(text, '1,164\n団体', '1,164\n団体\n1,200\n団体');
  text = replaceExactly(text, '●令和6年度で42回目。令和４年度までに1,223団体・個人が受賞。', '●令和7年度で43回目。令和5年度までに1,260団体・個人が受賞。');
  text = replaceExactly(text, '●令和６年度で29回目。令和5年度までに209のイベントが受賞。', '●令和７年度で30回目。令和６年度までに215のイベントが受賞。');
  text = replaceExactly(text, '⇒令和６年で設立38年', '⇒令和７年で設立39年');
  text = replaceExactly(text, '5,355人）', '5,400人）');
  text = replaceExactly(text, '外国語指導助手）：5,355人', '外国語指導助手）：5,400人');
  text = replaceExactly(text, '3,042 ', '3,087 ');
  text = replaceExactly(text, '（総数5,831人）', '（総数5,876人）');
  text = replaceExactly(text, '元利償還の70％を交付税措置', '元利償還の75％を交付税措置');
  // sentences of the slides: one new, one gone, one reworded
  text = replaceExactly(text, '【取組例】：自治体職員と行政相談委員の意見交換会を定期的に開催\n', `【取組例】：自治体職員と行政相談委員の意見交換会を定期的に開催\n\n【取組例】：${R7_SENTENCES.added.text}\n`);
  text = replaceExactly(text, `公表してください。${R7_SENTENCES.removed.text}`, '公表してください。');
  text = replaceExactly(text, `・${R7_SENTENCES.reworded.from}\n`, `・${R7_SENTENCES.reworded.to}\n`);
  // the contact list: 21-⑨ removed, renumbered after it, a new program at the end, a phone changed
  text = replaceExactly(text, '\n21-⑨．医療コンテナの活用 地域政策課 伊藤、中村 03-5253-5523\n', '\n');
  text = replaceExactly(text, '21-⑩．成果連動型民間委託契約方式（ＰＦＳ）について 地域政策課 伊藤、中村 03-5253-5523', '21-⑨．成果連動型民間委託契約方式（ＰＦＳ）について 地域政策課 伊藤、中村 03-5253-5525');
  text = replaceExactly(text, /21-⑪．労働者協同組合制度(.*)\n/, '21-⑩．労働者協同組合制度$1\n\n21-⑪．地域の担い手確保支援事業 地域自立応援課 山田、佐藤 03-5253-5391\n');
  return text;
}

/**
 * One inconsistent edit per relation kind of the declared checks, each on a line of its own: the
 * figure that the check reports (the total of a sum, the stated value of a ratio, the odd one of an
 * equal …). `find` occurs once in the realistic R7.
 */
export const R7_INCONSISTENT: readonly { relation: string; find: string; replace: string }[] = [
  { relation: 'sum', find: '（総数5,876人）', replace: '（総数5,976人）' },
  { relation: 'ratio', find: '（全市町村の５１．５％）', replace: '（全市町村の５３．５％）' },
  { relation: 'multiplier', find: '通常の施設 42 52.5 54 67.5', replace: '通常の施設 42 53.5 54 67.5' },
  { relation: 'count', find: '98組合（36道府県101市町村）', replace: '99組合（36道府県101市町村）' },
  // of two values that differ, the later is blamed (the earlier states it first): the edit is on the later
  { relation: 'equal', find: 'ネットワークを設立済みの都道府県は35団体。', replace: 'ネットワークを設立済みの都道府県は36団体。' },
  { relation: 'at-most', find: '（R６.4.1現在 130圏域）', replace: '（R６.4.1現在 150圏域）' },
  { relation: 'ordered', find: '（中心市 4,000万円程度→8,500万円程度（H26））', replace: '（中心市 4,000万円程度→3,500万円程度（H26））' },
  { relation: 'span', find: '期限を３年間延長（令和６年３月３１日 → 令和９年３月３１日）', replace: '期限を３年間延長（令和６年３月３１日 → 令和１０年３月３１日）' },
  { relation: 'nth-since', find: '●令和7年度で43回目。', replace: '●令和7年度で44回目。' },
  { relation: 'row-sum', find: '岐阜県 8 1 7', replace: '岐阜県 9 1 7' },
  { relation: 'same-term', find: '• SEA（Sports Exchange Advisor', replace: '• SEB（Sports Exchange Advisor' },
];
