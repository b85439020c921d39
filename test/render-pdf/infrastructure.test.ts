import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ASSET_PATHS, contentSecurityPolicy, loadAssets } from '../../pipeline/render-pdf/assets.ts';
import { fontconfigXml, removeStaleTempFolders } from '../../pipeline/render-pdf/browser.ts';
import { tempDir } from '../helpers/temp.ts';
import { BrowserNotFoundError, browserVersion, findBrowser, type BrowserLookup } from '../../pipeline/lib/browser-path.ts';
import { distributionFiles, type PackInfo } from '../../pipeline/render-pdf/distribution.ts';
import { mappings, textAliases, trimRun, withoutTextAliases } from '../../pipeline/render-pdf/font-cmap.ts';
import { FONT_FAMILY, FONT_FILES } from '../../pipeline/render-pdf/fonts.ts';
import { PacksManifest } from '../../schemas/packs.ts';
import { normalizePdf } from '../../pipeline/render-pdf/pdf-normalize.ts';
import { createProgressReporter } from '../../pipeline/cli/progress.ts';
import { decideRequest, refusedLoad } from '../../pipeline/render-pdf/request-guard.ts';
import { frontPagesFromDraft, lowerRoman, packLabels } from '../../pipeline/render-pdf/toc-pages.ts';
import { footerProblems, labelSequenceProblem } from '../../pipeline/render-pdf/verify.ts';
import { TEMPLATE_DIR } from '../../pipeline/render-pdf/assets.ts';
import { parseR6, r6Manifest } from '../helpers/r6.ts';

/** The code point → glyph map of a font, from its first format 12 subtable (the one Chromium reads). */
function cmapOf(font: Uint8Array): Map<number, number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  for (let i = 0; i < view.getUint16(4); i++) {
    if (String.fromCharCode(...[0, 1, 2, 3].map((k) => view.getUint8(12 + 16 * i + k))) !== 'cmap') continue;
    const cmap = view.getUint32(12 + 16 * i + 8);
    for (let s = 0; s < view.getUint16(cmap + 2); s++) {
      const at = cmap + view.getUint32(cmap + 8 + 8 * s);
      if (view.getUint16(at) === 12) return new Map(mappings(view, at).filter(([, g]) => g !== 0));
    }
  }
  throw new Error('no format 12 cmap');
}

describe('fonts', () => {
  const original = new Uint8Array(readFileSync(FONT_FILES.regular));
  const patched = withoutTextAliases(original);
  const before = cmapOf(original);
  const after = cmapOf(patched);

  it('gives each glyph of Japanese text back its own code point: 人 not ⼈, ・ not ‧, ／ not ∕', () => {
    // Noto Sans JP maps both code points to one glyph; Chromium's PDF would read the lower one
    expect(before.get(0x2f08)).toBe(before.get(0x4eba));
    expect(before.get(0x2027)).toBe(before.get(0x30fb));
    expect(before.get(0x2215)).toBe(before.get(0xff0f));
    for (const alias of [0x2f08, 0x2f6c, 0x2027, 0x2215, 0x2329, 0x2003]) expect(after.has(alias)).toBe(false);
    for (const text of [0x4eba, 0x76ee, 0x30fb, 0xff0f, 0x3008, 0x3000]) expect(after.get(text)).toBe(before.get(text));
  });

  it('changes nothing else: same size, same glyphs for every other code point', () => {
    expect(patched.byteLength).toBe(original.byteLength);
    const aliases = textAliases([...before]);
    expect(aliases.size).toBeGreaterThan(250);
    for (const [cp, glyph] of before) if (!aliases.has(cp)) expect(after.get(cp)).toBe(glyph);
  });

  it('trims aliases from the ends of a run; one inside a run cannot go in place', () => {
    const aliases = new Set([10, 11, 15]);
    expect(trimRun(10, 15, aliases)).toEqual({ start: 12, end: 14 });
    expect(trimRun(10, 11, aliases)).toBeNull();
    expect(() => trimRun(9, 16, new Set([12]))).toThrow(/U\+000C lies inside the run/);
  });

  it('serves the patched fonts and the stylesheet that declares the one family, regular and bold', async () => {
    const assets = await loadAssets();
    expect([...assets.keys()].sort()).toEqual([ASSET_PATHS.css, ASSET_PATHS.bold, ASSET_PATHS.regular].sort());
    const css = new TextDecoder().decode(assets.get(ASSET_PATHS.css)!.body);
    expect(css.match(new RegExp(`font-family: "${FONT_FAMILY}";\\s+src: url\\("fonts/NotoSansJP-(Regular|Bold)\\.ttf"\\)`, 'g'))).toHaveLength(2);
    expect(css).toContain('font-weight: 700;');
    expect(css).toContain('font-synthesis: none;');
    // no other family anywhere: body, tables, margin boxes, chart text
    expect([...css.matchAll(/font-family:\s*([^;]+);/g)].map((m) => m[1]).every((f) => f === `"${FONT_FAMILY}"`)).toBe(true);
  });

  it('lets Chromium find no font but the npm Noto Sans JP files', () => {
    const xml = fontconfigXml('/tmp/x & y/cache');
    expect(xml.match(/<dir>[^<]*@expo-google-fonts\/noto-sans-jp\/(400Regular|700Bold)<\/dir>/g)).toHaveLength(2);
    expect(xml).toContain('<cachedir>/tmp/x &amp; y/cache</cachedir>');
    expect(xml).not.toMatch(/<include|\/usr\/share\/fonts/);
  });
});

describe('request guard', () => {
  const assets = new Map([['/fonts/NotoSansJP-Regular.ttf', { contentType: 'font/ttf', body: new Uint8Array([1]) }]]);

  it('serves a GET for a file of the renderer on its own origin, and nothing else', () => {
    expect(decideRequest('https://briefing-pack.invalid/fonts/NotoSansJP-Regular.ttf', 'GET', assets)).toHaveProperty('serve');
    expect(decideRequest('https://briefing-pack.invalid/fonts/NotoSansJP-Regular.ttf?x=1', 'GET', assets)).toEqual({ block: 'not an asset of the renderer' });
    expect(decideRequest('https://briefing-pack.invalid/etc/passwd', 'GET', assets)).toEqual({ block: 'not an asset of the renderer' });
    expect(decideRequest('https://briefing-pack.invalid/fonts/NotoSansJP-Regular.ttf', 'POST', assets)).toEqual({ block: 'POST request' });
    expect(decideRequest('http://example.com/x.png', 'GET', assets)).toEqual({ block: 'another host' });
    expect(decideRequest('http://briefing-pack.invalid/fonts/NotoSansJP-Regular.ttf', 'GET', assets)).toEqual({ block: 'another host' });
    expect(decideRequest('file:///etc/passwd', 'GET', assets)).toEqual({ block: 'file: URL' });
    expect(decideRequest('data:image/png;base64,AAAA', 'GET', assets)).toEqual({ block: 'data: URL' });
  });

  it('records the loads Chromium refuses before interception sees them', () => {
    expect(refusedLoad('Not allowed to load local resource: file:///etc/passwd')).toEqual({ url: 'file:///etc/passwd', reason: 'refused by Chromium (local resource)' });
    expect(refusedLoad(`Framing 'https://example.org/' violates the following Content Security Policy directive: "frame-src 'none'".`)).toEqual({
      url: 'https://example.org/',
      reason: 'refused by the Content-Security-Policy',
    });
    expect(refusedLoad('Failed to load resource: net::ERR_BLOCKED_BY_CLIENT')).toBeNull();
  });

  it('has a page policy that allows only the asset origin', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('font-src https://briefing-pack.invalid');
    expect(csp).toMatch(/frame-src 'none'.*object-src 'none'/);
    expect(csp).not.toMatch(/script-src|\*/);
  });
});

describe('temp folders of killed builds', () => {
  it('go when their owner is gone, named by the folder’s name (or, made by an earlier version, its owner file); others stay', async () => {
    const dir = tempDir('stale');
    // a process that has ended: its pid names no process
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    expect(Number(gone)).toBeGreaterThan(0);
    const folder = (name: string, owner?: string) => {
      mkdirSync(join(dir, name, 'fontconfig-cache'), { recursive: true });
      if (owner !== undefined) writeFileSync(join(dir, name, 'owner.pid'), owner);
    };
    folder(`briefing-pdf-${gone}-aaaaaa`, `${gone}\n`);
    // made again by its exiting browser's fontconfig after the folder was removed: nothing in it but the cache
    folder(`briefing-pdf-${gone}-bbbbbb`);
    folder(`briefing-pdf-${process.pid}-cccccc`);
    folder('briefing-pdf-dddddd', `${process.pid}\n`);
    folder('briefing-pdf-test-eeeeee');
    // an earlier version's, its owner in a file only
    folder('briefing-pdf-ffffff', `${gone}\n`);
    expect((await removeStaleTempFolders(dir)).sort()).toEqual([`briefing-pdf-${gone}-aaaaaa`, `briefing-pdf-${gone}-bbbbbb`, 'briefing-pdf-ffffff']);
    expect(readdirSync(dir).sort()).toEqual([`briefing-pdf-${process.pid}-cccccc`, 'briefing-pdf-dddddd', 'briefing-pdf-test-eeeeee']);
    expect(existsSync(join(dir, `briefing-pdf-${process.pid}-cccccc`))).toBe(true);
  });
});

describe('browser lookup', () => {
  const lookup = (over: Partial<BrowserLookup>): BrowserLookup => ({ env: {}, isExecutable: () => false, puppeteerChrome: async () => null, ...over });

  it('takes BRIEFING_CHROME, then PUPPETEER_EXECUTABLE_PATH, then puppeteer’s Chrome, then the system', async () => {
    const all = (p: string) => ['/opt/a', '/opt/b', '/cache/chrome', '/usr/bin/chromium', '/usr/bin/google-chrome'].includes(p);
    const pptr = async () => '/cache/chrome';
    expect(await findBrowser(lookup({ env: { BRIEFING_CHROME: '/opt/a', PUPPETEER_EXECUTABLE_PATH: '/opt/b' }, isExecutable: all, puppeteerChrome: pptr }))).toEqual({ path: '/opt/a', source: 'BRIEFING_CHROME' });
    expect(await findBrowser(lookup({ env: { PUPPETEER_EXECUTABLE_PATH: '/opt/b' }, isExecutable: all, puppeteerChrome: pptr }))).toEqual({ path: '/opt/b', source: 'PUPPETEER_EXECUTABLE_PATH' });
    expect(await findBrowser(lookup({ isExecutable: all, puppeteerChrome: pptr }))).toEqual({ path: '/cache/chrome', source: 'puppeteer' });
    expect(await findBrowser(lookup({ isExecutable: all }))).toEqual({ path: '/usr/bin/chromium', source: 'system' });
    expect(await findBrowser(lookup({ isExecutable: (p) => p === '/usr/bin/google-chrome' }))).toEqual({ path: '/usr/bin/google-chrome', source: 'system' });
  });

  it('refuses a variable that names no executable instead of looking further', async () => {
    await expect(findBrowser(lookup({ env: { BRIEFING_CHROME: '/nope' }, isExecutable: (p) => p === '/usr/bin/chromium' }))).rejects.toThrow('BRIEFING_CHROME=/nope: there is no executable file there');
  });

  it('names every fix when there is no browser at all', async () => {
    const error = await findBrowser(lookup({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    for (const fix of ['BRIEFING_CHROME=/path/to/chrome', 'PUPPETEER_EXECUTABLE_PATH', 'npx puppeteer browsers install chrome', 'apt-get install chromium']) expect((error as Error).message).toContain(fix);
  });

  it('does without the optional puppeteer package', async () => {
    // not installed here: the real lookup must not throw on the failed import
    const found = await findBrowser({ env: {}, isExecutable: () => false, puppeteerChrome: (await import('../../pipeline/lib/browser-path.ts')).defaultLookup().puppeteerChrome }).catch((e: Error) => e);
    expect(found).toBeInstanceOf(BrowserNotFoundError);
  });
});

it('reads the version of the browser a build prints with', async () => {
  const found = await findBrowser().catch(() => null);
  if (!found) return; // no browser on this machine: nothing to read
  expect(await browserVersion(found)).toMatch(/(Chrom|Google Chrome).*\d+\.\d+\.\d+/);
});

it('asks the version once, without blocking, however often wanted meanwhile; an executable that prints none is refused', async () => {
  const found = await findBrowser().catch(() => null);
  if (!found) return; // no browser on this machine: nothing to read
  // a path of its own, so that the answer is not one an earlier test left
  const linked = join(mkdtempSync(join(tmpdir(), 'briefing-version-')), 'chromium');
  symlinkSync(found.path, linked);
  try {
    const asked = browserVersion({ ...found, path: linked });
    expect(browserVersion({ ...found, path: linked })).toBe(asked); // asked once, however often wanted meanwhile
    expect(await asked).toBe(await browserVersion(found));
    expect(await browserVersion({ ...found, path: linked })).toBe(await asked);
    const silent = join(dirname(linked), 'silent');
    writeFileSync(silent, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    await expect(browserVersion({ path: silent, source: 'BRIEFING_CHROME' })).rejects.toThrow(BrowserNotFoundError);
  } finally {
    rmSync(dirname(linked), { recursive: true, force: true });
  }
});

describe('page numbers of the contents', () => {
  it('gives the body’s anchors the body’s own page labels and the front matter’s parts i, ii …', () => {
    const body = new Map([['prog-01', '1'], ['prog-02', '5'], ['contacts', '80']]);
    const labels = packLabels(body, ['mentions', 'changes', 'prog-01', 'prog-02', 'contacts'], { pages: 5, parts: new Map([['mentions', 3], ['changes', 4]]) });
    expect([...labels]).toEqual([['mentions', 'iii'], ['changes', 'iv'], ['prog-01', '1'], ['prog-02', '5'], ['contacts', '80']]);
  });

  it('numbers the front matter as CSS lower-roman and a PDF /S /r label do', () => {
    expect([1, 2, 3, 4, 5, 9, 14, 40, 49, 1994].map(lowerRoman)).toEqual(['i', 'ii', 'iii', 'iv', 'v', 'ix', 'xiv', 'xl', 'xlix', 'mcmxciv']);
    expect(() => lowerRoman(0)).toThrow(RangeError);
  });

  it('finds a footer that does not print the number its page label says (front ii, body 1 / N)', () => {
    const labels = ['i', 'ii', '1', '2'];
    expect(footerProblems(['cover', '目次\nii\n全国版', '1 地域\n1 / 2\n全国版', '連絡先\n2 / 2'], [1, 2, 3, 4], labels, true)).toEqual([]);
    // a counter reset in the body: the footer prints 1 / 2 where the label says 2; 11 / 2 is no 1 / 2
    expect(footerProblems(['cover', '目次\nii', 'a\n1 / 2', 'b\n1 / 2'], [1, 2, 3, 4], labels, true)).toEqual(['page 4 does not print its number 2 / 2 in its footer']);
    expect(footerProblems(['x\n11 / 2'], [3], labels, true)).toEqual(['page 3 does not print its number 1 / 2 in its footer']);
    // the body alone: numbered by its pages
    expect(footerProblems(['1 / 2', '2 / 2'], [1, 2], [], false)).toEqual([]);
  });

  it('accepts page labels i, ii … then 1, 2 … and names the first page that breaks the sequence', () => {
    expect(labelSequenceProblem(['i', 'ii', 'iii', '1', '2'], 5)).toBeNull();
    expect(labelSequenceProblem(['i', 'ii', '1', '3'], 4)).toBe('page 4 is labelled "3", expected "2"');
    expect(labelSequenceProblem(['i', 'iii', '1'], 3)).toBe('page 2 is labelled "iii", expected "ii"');
    expect(labelSequenceProblem([], 3)).toBe('the PDF labels 0 of its 3 pages');
  });

  it('reads each front matter of a measuring draft from cover to cover', () => {
    const destinations = new Map([['m0-cover', 1], ['m0-mentions', 4], ['m1-cover', 5], ['m1-mentions', 8], ['m1-changes', 9], ['measure-end', 11]]);
    expect(frontPagesFromDraft(destinations, ['m0-', 'm1-'])).toEqual([
      { pages: 4, parts: new Map([['mentions', 4]]) },
      { pages: 6, parts: new Map([['mentions', 4], ['changes', 5]]) },
    ]);
    expect(() => frontPagesFromDraft(new Map(), ['m0-'])).toThrow(/no closing destination/);
  });
});

describe('PDF bytes', () => {
  const pdf = (created: string, ids: number[]) =>
    new TextEncoder().encode(`%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (D:${created}+00'00')\n/ModDate (D:${created}+00'00')>>\nendobj\n${ids.map((n) => `<</ID (node${String(n).padStart(8, '0')})>>`).join('\n')}\n%%EOF\n`);

  it('dates a PDF by the manifest and numbers its structure ids by rank, keeping every length', () => {
    const a = normalizePdf(pdf('20261126212608', [24, 73, 24]), '2024-04-01');
    const b = normalizePdf(pdf('20250101000000', [91, 140, 91]), '2024-04-01');
    expect(a).toEqual(b);
    expect(a.byteLength).toBe(pdf('20261126212608', [24, 73, 24]).byteLength);
    const text = new TextDecoder().decode(a);
    expect(text).toContain("/CreationDate (D:20240401000000+00'00')");
    expect(text.match(/node\d+/g)).toEqual(['node00000001', 'node00000002', 'node00000001']);
  });
});

describe('distribution manifest', () => {
  const packs: PackInfo[] = [
    { id: 'national', path: 'briefing-pack.pdf', recipient: null, prefectureCode: null, pages: 52, bytes: 1303859, sha256: 'a'.repeat(64), mentions: 0 },
    { id: '12-chiba', path: 'prefectures/12-chiba.pdf', recipient: '千葉県', prefectureCode: 12, pages: 53, bytes: 1317364, sha256: 'b'.repeat(64), mentions: 2 },
  ];

  it('lists every pack with its files, sizes and sha256; the same packs give the same bytes', async () => {
    const { briefing } = await parseR6();
    const manifest = await r6Manifest();
    const files = distributionFiles(packs, briefing, manifest);
    expect(files.map((f) => f.path)).toEqual(['packs.json', 'packs.md', 'SHA256SUMS']);
    expect(distributionFiles(packs, briefing, manifest)).toEqual(files);
    const json = PacksManifest.parse(JSON.parse(files[0]!.content));
    expect(json).toMatchObject({ edition: 'r6', fiscalYear: 2024, generatedAt: '2024-04-01', source: { sha256: briefing.source.sha256 } });
    expect(json.packs[1]).toEqual({ id: '12-chiba', recipient: '千葉県', prefectureCode: 12, mentions: 2, files: [{ path: 'prefectures/12-chiba.pdf', bytes: 1317364, sha256: 'b'.repeat(64), pages: 53 }] });
    const sums = files[2]!.content.trimEnd().split('\n');
    expect(sums.map((l) => l.split('  ')[1])).toEqual(['briefing-pack.pdf', 'packs.json', 'packs.md', 'prefectures/12-chiba.pdf']);
    expect(sums[0]).toBe(`${'a'.repeat(64)}  briefing-pack.pdf`);
    expect(files[1]!.content).toContain('| 千葉県 | prefectures/12-chiba.pdf | 53 | 1,317,364 | 2 |');
  });
});

describe('progress', () => {
  it('prints one plain line per pack when not on a terminal', () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString()));
    const reporter = createProgressReporter(Object.assign(out, { isTTY: false }) as unknown as NodeJS.WriteStream);
    reporter.onProgress(1, 48, 'briefing-pack.pdf');
    reporter.onProgress(2, 48, 'prefectures/01-hokkaido.pdf');
    reporter.stop();
    expect(text).toBe('pdf 1/48 briefing-pack.pdf\npdf 2/48 prefectures/01-hokkaido.pdf\n');
  });
});

it('keeps the templates where the renderer looks for them', () => {
  expect(readFileSync(`${TEMPLATE_DIR}layout.hbs`, 'utf8')).toContain('<html lang="ja">');
});
