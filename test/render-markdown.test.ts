import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Image, Link, List, ListItem, Nodes, Root, Table } from 'mdast';
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
import { PROGRAM_SLUGS, programFileStem, programFileStems, programNumberKey } from '../pipeline/render-markdown/file-names.ts';
import { renderIndexDocument, renderProgramDocuments, type ProgramDocument } from '../pipeline/render-markdown/index.ts';
import { compileTemplate, markdownTemplates } from '../pipeline/render-markdown/templates.ts';
import { PROJECT_ROOT } from '../pipeline/source.ts';
import { parseR6, r6Manifest } from './helpers/r6.ts';
import { validateText } from './helpers/validate.ts';

// Goldens: test/fixtures/markdown/<file>.md are written when missing and compared afterwards.
// After an intended change of the output, rewrite them with: UPDATE_GOLDEN=1 npx vitest run test/render-markdown.test.ts
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

/** The items of the contact block (the list under ## 担当), as text. */
function contactItems(tree: Root): { line: string; items: string[] }[] {
  const at = tree.children.findIndex((n) => n.type === 'heading' && textOf(n) === '担当');
  const block = tree.children[at + 1] as List;
  return block.children.map((item: ListItem) => ({
    line: textOf(item.children[0] as Nodes),
    items: item.children[1] ? (item.children[1] as List).children.map((i) => textOf(i)) : [],
  }));
}

describe('renderProgramDocuments on the R6 briefing', () => {
  it('gives one document per program of the contact list, in its order: 31', () => {
    expect(docs.map((d) => d.program)).toEqual(briefing.programs.map((p) => p.no));
    expect(docs).toHaveLength(31);
    expect(docs[0]!.path).toBe('programs/01-chiiki-okoshi-kyoryokutai.md');
    expect(doc('21-③').path).toBe('programs/21-03-asbestos.md');
    expect(doc('21-⑪').path).toBe('programs/21-11-rodosha-kyodo-kumiai.md');
    expect(doc('19').title).toBe('JETプログラム');
  });

  it('names every file safely, uniquely, from the slug table (no R6 program falls back)', () => {
    for (const d of docs) expect(d.path).toMatch(/^programs\/\d\d(-\d\d)?-[a-z0-9-]+\.md$/);
    expect(new Set(docs.map((d) => d.path)).size).toBe(docs.length);
    for (const p of briefing.programs) expect(Object.hasOwn(PROGRAM_SLUGS, p.name), p.name).toBe(true);
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

  it('is canonical: parsing and serialising again changes nothing', () => {
    for (const d of docs) expect(canonicalMarkdown(d.markdown), d.path).toBe(d.markdown);
  });

  it('renders twice to byte-identical files', () => {
    const again = renderProgramDocuments(structuredClone(briefing), structuredClone(report), structuredClone(manifest));
    expect(again.map((d) => [d.path, d.markdown])).toEqual(docs.map((d) => [d.path, d.markdown]));
    const index = renderIndexDocument(briefing, report, manifest, docs);
    expect(renderIndexDocument(briefing, report, manifest, again)).toEqual(index);
  });

  it('地域おこし協力隊: caps 300万円／団体 and 520万円／人 (320万円 + 200万円), exact yen in the front matter', () => {
    const d = doc('1');
    const measures = records(tableWith(parse(d.markdown), '項目', '上限'));
    expect(measures.find((m) => m.項目 === '地域おこし協力隊員の募集等に要する経費')).toMatchObject({ 上限: '300万円（3,000,000円）', 単位: '／団体', 種別: '特別交付税措置', 出典: 'スライド1・9行目' });
    expect(measures.find((m) => m.項目 === '地域おこし協力隊員の活動に要する経費')).toMatchObject({
      上限: '520万円（5,200,000円）',
      単位: '／人',
      内訳: '報償費等 320万円 + その他活動経費 200万円',
    });
    expect(measures.find((m) => m.項目 === '報償費等')!.上限).toBe('320万円（3,200,000円）、改定前 280万円');
    const activity = d.frontMatter.measures.find((m) => m.id === 'measure-s01-4')!;
    expect(activity).toMatchObject({ capYen: 5_200_000, capPrinted: '520万円', perUnit: '人' });
    expect(activity.components).toEqual([
      { label: '報償費等', yen: 3_200_000, printed: '320万円' },
      { label: 'その他活動経費', yen: 2_000_000, printed: '200万円' },
    ]);
    expect(d.frontMatter.budgets).toEqual([expect.objectContaining({ label: 'R6当初予算額', yen: 248_000_000, printed: '248百万円', partOf: false, line: 209 })]);
  });

  it('地域おこし協力隊: the 隊員数 series 89 … 7,200 by year, with its chart reference', () => {
    const d = doc('1');
    const tree = parse(d.markdown);
    const series = records(tableWith(tree, '年度', '隊員数（人）'));
    expect(series).toHaveLength(15);
    expect(series[0]).toMatchObject({ 年度: '平成21年度', 西暦: '2009', '隊員数（人）': '89', '自治体数（団体）': '31' });
    expect(series[10]).toMatchObject({ 年度: '令和元年度', 西暦: '2019', '隊員数（人）': '5,503' });
    expect(series[14]).toMatchObject({ 年度: '令和5年度', 西暦: '2023', '隊員数（人）': '7,200' });
    const chart = all<Image>(tree, 'image').find((i) => i.title === 'series-s01-1')!;
    expect(chart).toMatchObject({ alt: '隊員数の推移', url: 'charts/01-chiiki-okoshi-kyoryokutai--series-s01-1.svg' });
    expect(d.frontMatter.charts.map((c) => c.src)).toContain(chart.url);
  });

  it('JETプログラム: the 5,831 breakdown by 14 countries', () => {
    const d = doc('19');
    const rows = records(tableWith(parse(d.markdown), '区分'));
    expect(rows).toHaveLength(15);
    expect(rows[0]).toEqual({ 区分: 'アメリカ合衆国', '数値（人）': '3,042' });
    expect(rows[13]).toEqual({ 区分: 'その他', '数値（人）': '162' });
    expect(rows[14]).toEqual({ 区分: '総数', '数値（人）': '5,831' });
    const checks = records(tableWith(parse(d.markdown), '結果'));
    expect(checks.find((c) => c.ID === 'jet-by-country')).toMatchObject({ 結果: '整合（pass）', 関係: 'sum' });
    expect(checks.find((c) => c.ID === 'jet-sports-name')!.結果).toBe('既知の不整合（acknowledged）');
    expect(d.markdown).toContain('jet-sports-name: 同じ8人を活用のスライドは「SER」');
    expect(d.frontMatter.validation).toMatchObject({ failed: 0, acknowledged: 1, acknowledgedIds: ['jet-sports-name'] });
  });

  it('counts the checks of validation.json that involve each program', () => {
    for (const d of docs) {
      const mine = report.checks.filter((c) => c.programs.includes(d.program));
      const v = d.frontMatter.validation;
      expect(v.passed + v.failed + v.acknowledged, d.path).toBe(mine.length);
      expect(v.failedIds).toEqual(mine.filter((c) => c.status === 'fail').map((c) => c.id));
    }
    // a generic rule's acknowledgement carries its reason too
    expect(doc('21-③').markdown).toContain('R30.11.2');
    expect(doc('21-③').frontMatter.validation.acknowledgedIds).toEqual(['date-plausible:date-s58-7']);
  });

  it('21-⑪: no phone in the contact list, 03-3595-3189 shown as from its slide', () => {
    const d = doc('21-⑪');
    const contacts = contactItems(parse(d.markdown));
    expect(contacts[0]).toEqual({ line: '厚生労働省労働者協同組合業務室', items: ['担当者: 一覧に記載なし', '電話: 一覧に記載なし'] });
    expect(contacts[1]).toEqual({ line: 'スライドに記載の電話番号', items: ['03-3595-3189（スライド記載） スライド66・4165行目'] });
    expect(d.frontMatter.departments[0]!.phones).toEqual([]);
    expect(d.frontMatter.slidePhones).toEqual([{ phone: '03-3595-3189', slide: 66, line: 4165 }]);
  });

  it('row 7: two departments, each with its own people and phone', () => {
    const d = doc('7');
    expect(contactItems(parse(d.markdown))).toEqual([
      { line: '地域振興室', items: ['担当者: 日比野', '電話: 03-5253-5534'] },
      { line: '地域自立応援課', items: ['担当者: 大城', '電話: 03-5253-5394'] },
    ]);
    expect(d.frontMatter.departments).toEqual([
      { name: '地域振興室', people: ['日比野'], phones: ['03-5253-5534'] },
      { name: '地域自立応援課', people: ['大城'], phones: ['03-5253-5394'] },
    ]);
  });

  it('states where it came from: slides, their titles and lines', () => {
    const d = doc('1');
    expect(d.frontMatter.slides.map((s) => [s.index, s.startLine, s.endLine])).toEqual([[1, 1, 78], [2, 79, 147], [3, 148, 209], [4, 210, 255], [5, 256, 274]]);
    expect(d.markdown).toContain('スライド1–5（1–274行目）');
    expect(d.frontMatter).toMatchObject({ fiscalYear: 2024, eraLabel: '令和6年度', edition: 'r6', source: { file: 'briefing.txt' } });
  });

  it.each(GOLDEN_PROGRAMS)('matches the golden file of program %s', (program) => {
    const d = doc(program);
    const file = join(GOLDEN_DIR, d.path.replace(/^programs\//, ''));
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(file, d.markdown);
    }
    expect(d.markdown).toBe(readFileSync(file, 'utf8'));
  });
});

describe('renderIndexDocument', () => {
  it('lists every program with its departments, budgets and a relative link to its document', () => {
    const index = renderIndexDocument(briefing, report, manifest, docs);
    expect(index.path).toBe('programs/index.md');
    const tree = parse(index.markdown);
    const rows = records(tableWith(tree, 'No.'));
    expect(rows.map((r) => r['No.'])).toEqual(docs.map((d) => d.program));
    expect(rows[0]).toMatchObject({ 施策名: '地域おこし協力隊', 担当課室: '地域自立応援課', 予算: 'R6当初予算額 2.48億円' });
    expect(rows[6]!.担当課室).toBe('地域振興室、地域自立応援課');
    expect(rows[8]!.予算).toBe('R6当初予算額 6億円（内数）');
    const links = all<Link>(tree, 'link');
    expect(links.map((l) => `programs/${l.url}`)).toEqual(docs.map((d) => d.path));
    expect(canonicalMarkdown(index.markdown)).toBe(index.markdown);
  });
});

describe('adversarial text from the source', () => {
  /** The R6 briefing with program 1 and one of its figures renamed. */
  function hostile(name: string): Briefing {
    const copy = structuredClone(briefing);
    copy.programs[0]!.name = name;
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
    const measures = records(tableWith(tree, '項目', '上限'));
    expect(measures).toHaveLength(13);
    expect(measures.find((m) => m.項目 === ADVERSARIAL)).toMatchObject({ 上限: '520万円（5,200,000円）', 単位: '／人' });
    for (const table of all<Table>(tree, 'table')) for (const row of table.children) expect(row.children).toHaveLength(table.children[0]!.children.length);
    expect(all<Image>(tree, 'image').find((i) => i.title === 'series-s01-1')).toMatchObject({
      alt: `${ADVERSARIAL}の推移`,
      url: 'charts/program-01--series-s01-1.svg',
    });
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
      name: fc.oneof(fc.string(), fc.constantFrom(ADVERSARIAL, '../../etc/passwd', 'a/b', '..', 'CON', ...Object.keys(PROGRAM_SLUGS))),
      order: fc.integer({ min: 1, max: 999 }),
    });
    fc.assert(
      fc.property(fc.array(program, { maxLength: 12 }), (programs) => {
        const stems = programFileStems(programs);
        for (const stem of stems) expect(`${stem}.md`).toMatch(SAFE_FILE);
        expect(new Set(stems).size).toBe(stems.length);
      }),
    );
    expect(programFileStem({ no: '21-③', name: 'いつか加わる施策', order: 23 })).toBe('program-21-03');
    expect(programFileStem({ no: '../x', name: ADVERSARIAL, order: 7 })).toBe('program-order-07');
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
