import type { Program } from '../../schemas/briefing.ts';

/**
 * ASCII slugs of the program names known so far, keyed by the name of the contact list. Keyed by
 * name, not number: the numbering changes between editions, the names mostly do not.
 */
export const PROGRAM_SLUGS: Readonly<Record<string, string>> = {
  地域おこし協力隊: 'chiiki-okoshi-kyoryokutai',
  地域活性化起業人: 'chiiki-kasseika-kigyojin',
  地域プロジェクトマネージャー: 'chiiki-project-manager',
  '移住・交流情報ガーデン／移住・定住対策への支援': 'iju-koryu-joho-garden',
  '関係人口創出・拡大事業': 'kankei-jinko',
  ふるさとワーキングホリデー: 'furusato-working-holiday',
  'ふるさとづくり大賞・ふるさとイベント大賞': 'furusato-zukuri-taisho',
  '外部専門家（地域力創造アドバイザー）制度': 'chiikiryoku-sozo-adviser',
  ローカルスタートアップ支援制度: 'local-startup',
  地域脱炭素の推進: 'chiiki-datsutanso',
  特定地域づくり事業協同組合: 'tokutei-chiikizukuri-kumiai',
  '地域運営組織（RMO）の形成・運営': 'rmo',
  過疎対策について: 'kaso-taisaku',
  自治体DXの推進: 'jichitai-dx',
  '「定住自立圏構想」の推進': 'teiju-jiritsuken',
  所有者不明土地等対策: 'shoyusha-fumei-tochi',
  'PPP／PFIの導入促進': 'ppp-pfi',
  地域における多文化共生施策の推進: 'tabunka-kyosei',
  JETプログラム: 'jet-programme',
  日本にゆかりのある方々と国内自治体との連携促進事業: 'nihon-yukari-renkei',
  行政相談活動と困りごと解決への連携のお願い: 'gyosei-sodan',
  新型コロナウイルス感染症対応地方創生臨時交付金に係る効果の公表: 'covid-rinji-kofukin',
  アスベスト対策の推進: 'asbestos',
  庁舎等の公共建築物等における木材利用の促進: 'mokuzai-riyo',
  建設工事従事者の安全及び健康の確保の推進: 'kensetsu-anzen',
  再犯防止対策の推進: 'saihan-boshi',
  死因究明等の推進: 'shiin-kyumei',
  '「旧統一教会」問題に係る被害者等への支援': 'kyu-toitsu-kyokai',
  医療コンテナの活用: 'iryo-container',
  '成果連動型民間委託契約方式（PFS）について': 'pfs',
  労働者協同組合制度: 'rodosha-kyodo-kumiai',
};

const SAFE_STEM = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CIRCLED_ONE = 0x2460;

/** "1" → "01", "21-③" → "21-03": sorts like the contact list. Null for a number of another shape. */
export function programNumberKey(no: string): string | null {
  const m = /^(\d{1,3})(?:-([①-⑳]))?$/.exec(no);
  if (!m) return null;
  const main = m[1]!.padStart(2, '0');
  if (!m[2]) return main;
  return `${main}-${String(m[2].codePointAt(0)! - CIRCLED_ONE + 1).padStart(2, '0')}`;
}

/**
 * The file stem of a program document: "01-chiiki-okoshi-kyoryokutai"; a name not in the table
 * gets "program-21-03", so no file name ever comes from source text.
 */
export function programFileStem(program: Pick<Program, 'no' | 'name' | 'order'>): string {
  const key = programNumberKey(program.no) ?? `order-${String(program.order).padStart(2, '0')}`;
  const slug = Object.hasOwn(PROGRAM_SLUGS, program.name) ? PROGRAM_SLUGS[program.name] : undefined;
  const stem = slug ? `${key}-${slug}` : `program-${key}`;
  // the table is code, but a typo there must not reach the file system either
  return SAFE_STEM.test(stem) ? stem : `program-${key}`;
}

/** Stems for all programs, in order; a stem taken twice gets "-2", "-3" so that no document overwrites another. */
export function programFileStems(programs: readonly Pick<Program, 'no' | 'name' | 'order'>[]): string[] {
  const taken = new Set<string>();
  return programs.map((p) => {
    const base = programFileStem(p);
    let stem = base;
    for (let n = 2; taken.has(stem); n++) stem = `${base}-${n}`;
    taken.add(stem);
    return stem;
  });
}

/** The folder of the program documents in an edition's output. */
export const PROGRAMS_DIR = 'programs';

/** Where a program's document is, relative to the edition folder: "programs/01-chiiki-okoshi-kyoryokutai.md". */
export function programDocumentPath(stem: string): string {
  return `${PROGRAMS_DIR}/${stem}.md`;
}

/** The document paths of all programs, in order (the workbook links its rows to them). */
export function programDocumentPaths(programs: readonly Pick<Program, 'no' | 'name' | 'order'>[]): string[] {
  return programFileStems(programs).map(programDocumentPath);
}

/** Where the PDF stage puts the chart of a series, relative to the program document. */
export function chartSource(stem: string, seriesId: string): string {
  const id = seriesId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'series';
  return `charts/${stem}--${id}.svg`;
}
