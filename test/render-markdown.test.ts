import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Image, Link, Nodes, Root, Table } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { Briefing } from '../schemas/briefing.ts';
import type { Manifest } from '../schemas/manifest.ts';
import { ProgramFrontMatter, renderFrontMatterJsonSchema } from '../schemas/program-document.ts';
import type { ValidationReport } from '../schemas/validation.ts';
import { canonicalMarkdown } from '../pipeline/render-markdown/canonical.ts';
import { programFileStem, programFileStems, programNumberKey } from '../pipeline/views/file-names.ts';
import { programDocuments, renderIndexDocument, renderProgramDocuments, type ProgramDocument } from '../pipeline/render-markdown/index.ts';
import { compileTemplate, markdownTemplates } from '../pipeline/render-markdown/templates.ts';
import { PROJECT_ROOT } from '../pipeline/source.ts';
import { contactCells, coverage, expectedTexts, fold } from './helpers/coverage.ts';
import { parseR6, R6_TEXT, r6Manifest } from './helpers/r6.ts';
import { validateText } from './helpers/validate.ts';

// Goldens: test/fixtures/markdown/<file>.md. A missing golden fails the test; after an intended
// change of the output, rewrite them with: UPDATE_GOLDEN=1 npx vitest run test/render-markdown.test.ts
const GOLDEN_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'markdown');
const GOLDEN_PROGRAMS = ['1', '19', '21-③'];

const SAFE_FILE = /^[a-z0-9]+(-[a-z0-9]+)*\.md$/;
const ADVERSARIAL = 'A|B *x* <script>alert(1)</script> ../../etc';

let briefing: Briefing;
let report: ValidationReport;
let manifest: Manifest;
let docs: ProgramDocument[];

beforeAll(async () => {
  briefing = (await parseR6()).briefing;
  report = await validateText();
  manifest = await r6Manifest();
  docs = renderProgramDocuments(briefing, report, manifest);
});

/** An independent reader: plain remark with GFM and front matter, not the renderer's processor. */
function parse(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(markdown);
}

function all<T extends Nodes>(tree: Nodes, type: T['type']): T[] {
  const found: T[] = [];
  const walk = (node: Nodes) => {
    if (node.type === type) found.push(node as T);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return found;
}

function textOf(node: Nodes): string {
  if ('value' in node) return node.value;
  if ('children' in node) return node.children.map((c) => textOf(c as Nodes)).join('');
  return '';
}

/** A table as rows of cell texts, header first. */
function rowsOf(table: Table): string[][] {
  return table.children.map((row) => row.children.map(textOf));
}

/** The table whose header starts with `first` and holds `column`. */
function tableWith(tree: Root, first: string, column?: string): string[][] {
  const table = all<Table>(tree, 'table').map(rowsOf).find((rows) => rows[0]![0] === first && (!column || rows[0]!.includes(column)));
  if (!table) throw new Error(`no table with header ${first} ${column ?? ''}`);
  return table;
}

/** Row of a table as a record by header. */
function records(rows: string[][]): Record<string, string>[] {
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

function doc(program: string, from = docs): ProgramDocument {
  const found = from.find((d) => d.program === program);
  if (!found) throw new Error(`no document for ${program}`);
  return found;
}

/** The cells of the table that follows the heading `title`. */
function tableAfter(tree: Root, title: string): string[][] {
  const at = tree.children.findIndex((n) => n.type === 'heading' && textOf(n) === title);
  const table = tree.children.slice(at + 1).find((n) => n.type === 'table') as Table | undefined;
  if (at < 0 || !table) throw new Error(`no table after ${title}`);
  return rowsOf(table);
}

/** The plain text of a document, Markdown syntax left out. */
const plain = (d: ProgramDocument) => textOf(parse(d.markdown));

describe('renderProgramDocuments on the R6 briefing', () => {
  it('gives one document per program of the contact list, in its order: 31', () => {
    expect(docs.map((d) => d.program)).toEqual(briefing.programs.map((p) => p.no));
    expect(docs).toHaveLength(31);
    expect(docs[0]!.path).toBe('programs/01-chiiki-okoshi-kyoryokutai.md');
    expect(doc('21-③').path).toBe('programs/21-03-asbestos.md');
    expect(doc('21-⑪').path).toBe('programs/21-11-rodosha-kyodo-kumiai.md');
    expect(doc('19').title).toBe('JETプログラム');
  });

  it('names every file safely, uniquely, from the manifest\'s slugs (no R6 program falls back)', () => {
    for (const d of docs) expect(d.path).toMatch(/^programs\/\d\d(-\d\d)?-[a-z0-9-]+\.md$/);
    expect(new Set(docs.map((d) => d.path)).size).toBe(docs.length);
    for (const p of briefing.programs) expect(p.slug, p.name).toMatch(/^[a-z0-9-]+$/);
    expect(docs.find((d) => d.path.startsWith('programs/01-'))!.path).toBe('programs/01-chiiki-okoshi-kyoryokutai.md');
  });

  it('parses with remark; its front matter validates against the schema and equals frontMatter', () => {
    for (const d of docs) {
      const tree = parse(d.markdown);
      expect(tree.children[0]!.type, d.path).toBe('yaml');
      const data = YAML.parse((tree.children[0] as { value: string }).value);
      expect(ProgramFrontMatter.safeParse(data).success, d.path).toBe(true);
      expect(data).toEqual(d.frontMatter);
      expect(all(tree, 'heading')[0]).toMatchObject({ depth: 1 });
      expect(textOf(all(tree, 'heading')[0]!)).toBe(d.title);
    }
  });

  it('front matter validates against the generated JSON Schema too', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(renderFrontMatterJsonSchema()));
    for (const d of docs) {
      validate(JSON.parse(JSON.stringify(d.frontMatter)));
      expect(validate.errors ?? [], d.path).toEqual([]);
    }
  });

  it('has tables whose every row has as many cells as the header', () => {
    let tables = 0;
    for (const d of docs) {
      for (const table of all<Table>(parse(d.markdown), 'table')) {
        tables++;
        const width = table.children[0]!.children.length;
        expect(table.align ?? [], d.path).toHaveLength(width);
        for (const row of table.children) expect(row.children.length, d.path).toBe(width);
      }
    }
    expect(tables).toBeGreaterThan(31);
  });

  it('renders one document alone as it renders it among all (a rebuild renders only the programs that changed), and lists them all without rendering', () => {
    const one = programDocuments(briefing, report, manifest);
    expect(one.entries.map((e) => [e.program, e.path, e.title])).toEqual(docs.map((d) => [d.program, d.path, d.title]));
    expect(one.entries.map((e) => e.frontMatter)).toEqual(docs.map((d) => d.frontMatter));
    expect(one.document('21-③')).toEqual(docs.find((d) => d.program === '21-③'));
    expect(renderIndexDocument(briefing, report, manifest, one.entries)).toEqual(renderIndexDocument(briefing, report, manifest, docs));
    expect(() => one.document('99')).toThrow(/no program 99/);
  });

  it('is canonical: parsing and serialising again changes nothing', () => {
    for (const d of docs) expect(canonicalMarkdown(d.markdown), d.path).toBe(d.markdown);
  });

  it('renders twice to byte-identical files', () => {
    const again = renderProgramDocuments(structuredClone(briefing), structuredClone(report), structuredClone(manifest));
    expect(again.map((d) => [d.path, d.markdown])).toEqual(docs.map((d) => [d.path, d.markdown]));
    const index = renderIndexDocument(briefing, report, manifest, docs);
    expect(renderIndexDocument(briefing, report, manifest, again)).toEqual(index);
  });

  it('carries ≥ 95 % of the briefing\'s prose lines, and prints the figure and what is missing', () => {
    const result = coverage(expectedTexts(R6_TEXT, briefing), docs.map(plain).join(''));
    console.log(`program documents: ${result.covered}/${result.lines} prose lines (${(result.ratio * 100).toFixed(1)} %)${result.missing.map((m) => `\n  missing line ${m.line}: ${m.text}`).join('')}`);
    expect(result.ratio).toBeGreaterThanOrEqual(0.95);
    const text = fold(docs.map(plain).join(''));
    expect(contactCells(briefing).filter((c) => !text.includes(c))).toEqual([]);
  });

  it('keeps internal QA out: no check or rule id, no line number, no hash', () => {
    const ids = [...report.checks.map((c) => c.id), ...report.findings.map((f) => f.ruleId), ...report.findings.flatMap((f) => (f.checkId ? [f.checkId] : []))].filter((id) => /[a-z]-[a-z]/.test(id));
    for (const d of [...docs, { path: 'programs/index.md', markdown: renderIndexDocument(briefing, report, manifest, docs).markdown } as ProgramDocument]) {
      const body = d.markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
      for (const id of ids) expect(body.includes(id), `${d.path}: ${id}`).toBe(false);
      expect(body, d.path).not.toMatch(/行目|line \d|[0-9a-f]{64}|^#+ 検証/m);
    }
    expect(doc('1').markdown).toContain('本資料の数値は、スライド間の整合（合計・比率・上限と内訳など）を');
  });

  it('地域おこし協力隊: each slide under its title, its 実施主体 and 活動期間, its ※ notes', () => {
    const d = doc('1');
    const headings = all(parse(d.markdown), 'heading').filter((h) => (h as { depth: number }).depth === 2).map(textOf);
    // without a previous edition, the section of the changes says so in one line
    expect(headings[0]).toBe('前年度からの主な変更点');
    expect(d.markdown).toContain('## 前年度からの主な変更点\n\n本版は前年度の資料との比較を行っていないため、変更点は掲載していません。\n\n## スライド1');
    expect(headings.slice(1, 6)).toEqual(['スライド1　地域おこし協力隊について', 'スライド2　地域おこし協力隊地方財政措置の拡充', 'スライド3　地域おこし協力隊の推進に要する経費', 'スライド4　地域おこし協力隊経験者等によるサポートの支援', 'スライド5　佐賀県の事例紹介について']);
    expect(d.markdown).toContain('○**実施主体**：地方公共団体');
    expect(d.markdown).toContain('※ 平成26年度から令和3年度の隊員数は、名称を統一した旧「田舎で働き隊(農水省)」の隊員数を含む。');
    expect(plain(doc('4'))).toContain('※ 平成27年度には、平成27年3月28～31日分を含む。');
  });

  it('地域おこし協力隊: the 隊員数 table as the slide prints it, and its chart with a figure number and a text alternative', () => {
    const tree = parse(doc('1').markdown);
    const series = tableWith(tree, '年度');
    expect(series[0]!.slice(0, 3)).toEqual(['年度', '21年度', '22年度']);
    expect(series[1]!.at(-1)).toBe('7,200人');
    expect(series[2]!.slice(0, 2)).toEqual(['自治体数', '31団体']);
    const chart = all<Image>(tree, 'image')[0]!;
    expect(chart).toMatchObject({ title: '図1-1 隊員数の推移', url: 'charts/01-chiiki-okoshi-kyoryokutai--series-s01-1.svg' });
    expect(chart.alt).toBe('隊員数の推移（平成21年度 89人 → 令和5年度 7,200人）。データは表1-1。');
    expect(doc('1').frontMatter.charts[0]).toMatchObject({ series: 'series-s01-1', figure: '図1-1', src: chart.url });
  });

  it('地域おこし協力隊: every fiscal measure with its cap, the rate-only 空き家改修 too', () => {
    const measures = records(tableAfter(parse(doc('1').markdown), '財政措置'));
    expect(measures.find((m) => m.対象経費等 === '地域おこし協力隊員の募集等に要する経費')).toMatchObject({ 区分: '特別交付税措置', '上限額・措置額': '300万円／団体', 出典: 'スライド1' });
    expect(measures.find((m) => m.対象経費等 === '地域おこし協力隊員の活動に要する経費')).toMatchObject({ '上限額・措置額': '520万円／人', 備考: '内訳：報償費等 320万円 ＋ その他活動経費 200万円' });
    expect(measures.find((m) => m.対象経費等 === '任期終了後の隊員が定住するための空き家の改修に要する経費')).toMatchObject({ '上限額・措置額': '', 措置率: '0.5' });
    expect(measures.find((m) => m.対象経費等 === '報償費等')!.備考).toBe('280万円から320万円へ引上げ');
    expect(doc('1').frontMatter.budgets).toEqual([{ label: 'R6当初予算額', subject: null, kind: '当初', yen: 248_000_000, printed: '248百万円', partOf: false, slide: 3 }]);
  });

  it('labels figures as the slides do: 移住・定住対策 0.5×財政力補正, ワーホリ\'s formula cap, 起業人\'s schemes', () => {
    expect(records(tableAfter(parse(doc('4').markdown), '財政措置')).find((m) => m.対象経費等 === '地方自治体が実施する移住・定住対策に要する経費')!.措置率).toBe('0.5×財政力補正');
    const wh = records(tableAfter(parse(doc('6').markdown), '財政措置'));
    expect(wh).toEqual([expect.objectContaining({ 対象経費等: '地方公共団体が実施するふるさとワーキングホリデーに要する経費', '上限額・措置額': '15,000千円＋5千円×全参加者の延べ滞在日数（団体あたり）' })]);
    const kigyo = records(tableAfter(parse(doc('2').markdown), '財政措置')).map((m) => m.対象経費等);
    expect(kigyo).toContain('【企業派遣型】受入れの期間中に要する経費');
    expect(kigyo).toContain('【副業型】受入れの期間中に要する経費');
    expect(records(tableAfter(parse(doc('3').markdown), '財政措置'))[0]!.対象経費等).toBe('地域プロジェクトマネージャーの報償費等');
  });

  it('JETプログラム: 602万円 for 私立学校JET雇用への都道府県の助成, and the 普通交付税 amounts of a standard local government', () => {
    const measures = records(tableAfter(parse(doc('19').markdown), '財政措置'));
    expect(measures.find((m) => m['上限額・措置額'] === '602万円／人')!.対象経費等).toBe('私立学校におけるJET参加者の雇用に係る都道府県の助成経費');
    const standard = measures.filter((m) => m.区分 === '普通交付税措置');
    expect(standard.map((m) => [m['上限額・措置額'], m.備考])).toEqual([
      ['約2億5千万円', '標準団体（人口170万人）の場合'],
      ['120万円＋JET参加者数×482万円', '標準団体（人口10万人）の場合'],
    ]);
    const byCountry = tableWith(parse(doc('19').markdown), '招致国別の内訳');
    expect(byCountry).toHaveLength(16);
    expect(byCountry.at(-1)).toEqual(['総数', '5,831']);
  });

  it('多文化共生: the 【参考】 budgets of 法務省 and 文化庁 grants apart from the program\'s own; 過疎対策: a bond plan and one budget printed twice', () => {
    const tabunka = parse(doc('18').markdown);
    expect(tableAfter(tabunka, '参考：他府省所管の事業の予算').slice(1).map((r) => [r[1], r[2]])).toEqual([
      ['外国人受入環境整備交付金（法務省所管）', '11億円'],
      ['文化芸術振興費補助金（地域日本語教育の総合的な体制づくり推進事業）（文化庁所管）', '5億円'],
    ]);
    expect(plain(doc('18'))).toContain('スライドに予算額の記載はありません。');
    const kaso = parse(doc('13').markdown);
    const budgets = records(tableAfter(kaso, '予算'));
    expect(budgets.map((b) => b.金額)).toEqual(['805百万円', '805百万円']);
    expect(budgets[0]!.備考).toBe('スライド31では「8.0億円」と表記');
    expect(records(tableAfter(kaso, '地方債計画額'))).toEqual([expect.objectContaining({ 地方債: '過疎対策事業債', 金額: '5,700億円' })]);
    expect(records(tableAfter(kaso, '財政措置')).find((m) => m.対象経費等 === '過疎対策事業債')).toMatchObject({ 充当率: '100%', 交付税措置率: '元利償還金の70%' });
  });

  it('21-⑩ and 21-⑪: a phone printed on the slide is shown with the office it belongs to', () => {
    expect(records(tableAfter(parse(doc('21-⑩').markdown), '担当'))).toEqual([
      { 担当課室: '地域政策課', 担当者: '伊藤、中村', 電話番号: '03-5253-5523' },
      { 担当課室: '内閣府 成果連動型事業推進室（スライド65に記載）', 担当者: '', 電話番号: '03-6256-1168' },
    ]);
    expect(records(tableAfter(parse(doc('21-⑪').markdown), '担当'))).toEqual([{ 担当課室: '厚生労働省労働者協同組合業務室（電話番号はスライド66に記載）', 担当者: '', 電話番号: '03-3595-3189' }]);
    expect(records(tableAfter(parse(doc('7').markdown), '担当'))).toEqual([
      { 担当課室: '地域振興室', 担当者: '日比野', 電話番号: '03-5253-5534' },
      { 担当課室: '地域自立応援課', 担当者: '大城', 電話番号: '03-5253-5394' },
    ]);
  });

  it('titles slides as they are titled: 21-① 行政相談, 定住自立圏 人材育成, 多文化共生推進プラン', () => {
    expect(doc('21-①').frontMatter.slides[0]!.title).toBe('行政相談活動と困りごと解決への連携のお願い（行政相談企画課資料）');
    expect(doc('15').frontMatter.slides.map((s) => s.title)).toContain('地方公務員の人材育成・確保の推進（R6新規）');
    expect(doc('18').frontMatter.slides[0]!.title).toBe('「地域における多文化共生推進プラン」の概要');
  });

  it('states its edition in the front matter, in 和暦 in the text', () => {
    expect(doc('1').frontMatter).toMatchObject({ fiscalYear: 2024, eraLabel: '令和6年度', edition: 'r6', source: { file: 'briefing.txt' } });
    expect(doc('1').markdown).toContain('施策 No. 1・地域力創造グループ 施策説明資料（令和6年度）・スライド1–5');
  });

  it.each(GOLDEN_PROGRAMS)('matches the golden file of program %s', (program) => {
    const d = doc(program);
    const file = join(GOLDEN_DIR, d.path.replace(/^programs\//, ''));
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, d.markdown);
    }
    // a missing golden is a failure, not a new golden: write it on purpose with UPDATE_GOLDEN=1
    expect(existsSync(file), `${file} is missing; write it with UPDATE_GOLDEN=1`).toBe(true);
    expect(d.markdown).toBe(readFileSync(file, 'utf8'));
  });
});

describe('renderIndexDocument', () => {
  it('lists every program with its departments, budgets, slides and a relative link to its document', () => {
    const index = renderIndexDocument(briefing, report, manifest, docs);
    expect(index.path).toBe('programs/index.md');
    const tree = parse(index.markdown);
    const rows = records(tableWith(tree, 'No.'));
    expect(rows.map((r) => r['No.'])).toEqual(docs.map((d) => d.program));
    expect(rows[0]).toMatchObject({ 施策名: '地域おこし協力隊', 担当課室: '地域自立応援課', 予算: 'R6当初予算額 248百万円', スライド: '1–5' });
    expect(rows[6]!.担当課室).toBe('地域振興室、地域自立応援課');
    expect(rows[8]!.予算).toBe('R6当初予算額 6.0億円（内数）、R6当初予算額 6.0億円（内数）');
    const links = all<Link>(tree, 'link');
    expect(links.map((l) => `programs/${l.url}`)).toEqual(docs.map((d) => d.path));
    expect(canonicalMarkdown(index.markdown)).toBe(index.markdown);
    expect(index.markdown).toContain('令和6年4月1日作成');
  });
});

describe('adversarial text from the source', () => {
  /** The R6 briefing with program 1 and one of its figures renamed (a name the manifest does not list: no id, no slug). */
  function hostile(name: string): Briefing {
    const copy = structuredClone(briefing);
    copy.programs[0]!.name = name;
    copy.programs[0]!.id = null;
    copy.programs[0]!.slug = null;
    copy.measures.find((m) => m.id === 'measure-s01-4')!.item = name;
    copy.series.find((s) => s.id === 'series-s01-1')!.label = name;
    return copy;
  }

  it('renders |, *, <script>, ../ literally and keeps the tables intact', () => {
    const [d] = renderProgramDocuments(hostile(ADVERSARIAL), report, manifest);
    const tree = parse(d!.markdown);
    expect(d!.path).toBe('programs/program-01.md');
    expect(textOf(all(tree, 'heading')[0]!)).toBe(ADVERSARIAL);
    expect(all(tree, 'html')).toEqual([]);
    expect(all(tree, 'emphasis')).toEqual([]);
    const measures = records(tableAfter(tree, '財政措置'));
    expect(measures).toHaveLength(14);
    expect(measures.find((m) => m.対象経費等 === ADVERSARIAL)).toMatchObject({ '上限額・措置額': '520万円／人' });
    for (const table of all<Table>(tree, 'table')) for (const row of table.children) expect(row.children).toHaveLength(table.children[0]!.children.length);
    expect(all<Image>(tree, 'image')[0]).toMatchObject({ title: `図1-1 ${ADVERSARIAL}の推移`, url: 'charts/program-01--series-s01-1.svg' });
    expect(d!.frontMatter.title).toBe(ADVERSARIAL);
    expect(YAML.parse((tree.children[0] as { value: string }).value).title).toBe(ADVERSARIAL);
  });

  it('keeps the index table intact and its link safe', () => {
    const copy = hostile(ADVERSARIAL);
    const index = renderIndexDocument(copy, report, manifest, renderProgramDocuments(copy, report, manifest));
    const tree = parse(index.markdown);
    const link = all<Link>(tree, 'link')[0]!;
    expect(textOf(link)).toBe(ADVERSARIAL);
    expect(link.url).toBe('program-01.md');
    expect(records(tableWith(tree, 'No.'))).toHaveLength(31);
  });

  it.each([
    'A|B',
    '**bold** _x_ `code`',
    '<img src=x onerror=alert(1)>',
    '[link](javascript:alert(1))',
    '# heading ---',
    '1. list\n---\nfront: matter',
    'C #',
  ])('title %j round-trips to the same text', (name) => {
    const [d] = renderProgramDocuments(hostile(name), report, manifest);
    const tree = parse(d!.markdown);
    expect(textOf(all(tree, 'heading')[0]!)).toBe(name.replace(/\s*\n\s*/g, ' '));
    expect(all(tree, 'html')).toEqual([]);
    expect(all(tree, 'link').filter((l) => textOf(l) !== '地域おこし協力隊')).toEqual([]);
    expect(ProgramFrontMatter.parse(YAML.parse((tree.children[0] as { value: string }).value)).title).toBe(name);
  });

  it('never makes an unsafe file name, whatever the name and number', () => {
    const program = fc.record({
      no: fc.oneof(fc.string(), fc.constantFrom('1', '20', '21-③', '21-⑳', '../1', '1/2', '')),
      slug: fc.oneof(fc.constant(null), fc.string(), fc.constantFrom(ADVERSARIAL, '../../etc/passwd', 'a/b', '..', 'CON', 'chiiki-okoshi-kyoryokutai')),
      order: fc.integer({ min: 1, max: 999 }),
    });
    fc.assert(
      fc.property(fc.array(program, { maxLength: 12 }), (programs) => {
        const stems = programFileStems(programs);
        for (const stem of stems) expect(`${stem}.md`).toMatch(SAFE_FILE);
        expect(new Set(stems).size).toBe(stems.length);
      }),
    );
    expect(programFileStem({ no: '21-③', slug: null, order: 23 })).toBe('program-21-03');
    expect(programFileStem({ no: '../x', slug: '../../x', order: 7 })).toBe('program-order-07');
    expect(programFileStem({ no: '22', slug: 'chiiki-test', order: 21 })).toBe('22-chiiki-test');
    expect(programNumberKey('21-⑩')).toBe('21-10');
    expect(programNumberKey('1')).toBe('01');
  });
});

describe('templates', () => {
  it('format yen, per-units and eras through helpers, without HTML escaping', () => {
    const env = markdownTemplates();
    expect(env.compile('{{yen 5200000}}{{perUnit "人" false}} {{yen 560000000}} {{era 2019}} {{perUnit "人" true}} {{x}}', { noEscape: true })({ x: 'a<b&c' })).toBe(
      '520万円／人 5.6億円 令和元年度 ／人・年 a<b&c',
    );
  });

  it('refuses a template field that is not given', () => {
    const render = compileTemplate<object>(markdownTemplates(), 'index');
    expect(() => render({})).toThrow(/not defined/);
  });
});
