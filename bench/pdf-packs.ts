// Times the 48 PDF packs (national + 47 prefectures) two ways, in one run:
//   parts  renderPacks(): one browser, a tab per core; the body and the edition stamps printed once,
//          a front matter per pack, each pack assembled from them; verification included
//   naive  a fresh `chromium --headless --print-to-pdf` process per pack printing that pack whole
//          (front matter and body in one HTML), written to a temp folder with the fonts and stylesheet

// Run: node --import tsx bench/pdf-packs.ts [--only national,13-tokyo] [--concurrency 2]
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readAndValidate } from '../pipeline/commands/validate.ts';
import { ASSET_ORIGIN, loadAssets } from '../pipeline/render-pdf/assets.ts';
import { CHROME_FLAGS, fontconfigXml } from '../pipeline/render-pdf/browser.ts';
import { findBrowser } from '../pipeline/lib/browser-path.ts';
import { withPdf } from '../pipeline/render-pdf/pdf-read.ts';
import { renderPacks } from '../pipeline/render-pdf/render-packs.ts';

const { values } = parseArgs({ options: { only: { type: 'string' }, concurrency: { type: 'string' }, 'pool-only': { type: 'boolean' } } });
const only = values.only?.split(',');
const concurrency = values.concurrency ? Number(values.concurrency) : undefined;

const { resolved, briefing, report } = await readAndValidate({ source: 'r6' });
const manifest = resolved.manifest!;
const browser = await findBrowser();
console.log(`PDF packs of ${manifest.edition}, ${browser.path} (${browser.source}), ${availableParallelism()} cores`);

const poolStart = performance.now();
const pool = await renderPacks({ briefing, report, manifest }, { only, concurrency, browser, keepHtml: true });
const poolSeconds = (performance.now() - poolStart) / 1000;
const poolPages = pool.packs.reduce((n, p) => n + p.pages, 0);
const reprinted = [...pool.passes].filter(([, n]) => n > 1).length;
console.log(`parts: ${pool.packs.length} packs, ${poolPages} pages in ${poolSeconds.toFixed(1)} s (verified: ${pool.verification.ok ? 'ok' : `${pool.verification.problems.length} problems`}; ${pool.printed} prints; front matters printed again: ${reprinted})`);
const national = pool.packs.find((p) => p.id === 'national');
const prefectures = pool.packs.filter((p) => p.id !== 'national').map((p) => p.pages);
console.log(
  `pages: national ${national?.pages ?? '-'}; prefecture packs ${prefectures.length ? `${Math.min(...prefectures)}–${Math.max(...prefectures)}, mean ${(prefectures.reduce((a, b) => a + b, 0) / prefectures.length).toFixed(1)}` : '-'}; ${(poolSeconds / Math.max(1, poolPages)) * 1000 < 1 ? '' : `${((poolSeconds / poolPages) * 1000).toFixed(1)} ms per page`}`,
);
if (values['pool-only']) process.exit(0);

// the naive way: the same final HTML, assets as files next to it, one fresh browser process each
const dir = await mkdtemp(join(tmpdir(), 'briefing-pdf-naive-'));
try {
  for (const [path, asset] of await loadAssets()) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), asset.body);
  }
  await writeFile(join(dir, 'fonts.conf'), fontconfigXml(join(dir, 'fontconfig-cache')));
  const base = pathToFileURL(dir).href;
  let naivePages = 0;
  const naiveStart = performance.now();
  for (const [path, html] of pool.html!) {
    const stem = path.replace(/[/.]/g, '_');
    const htmlFile = join(dir, `${stem}.html`);
    const pdfFile = join(dir, `${stem}.pdf`);
    // a file: page may load file: fonts only with its policy saying so
    await writeFile(htmlFile, html.replace(/(content="[^"]*)https:\/\/briefing-pack\.invalid/g, (m) => m.replaceAll(ASSET_ORIGIN, 'file:')).replaceAll(ASSET_ORIGIN, base));
    const run = spawnSync(
      browser.path,
      [
        ...CHROME_FLAGS,
        '--headless',
        `--user-data-dir=${join(dir, `profile-${stem}`)}`,
        '--allow-file-access-from-files',
        '--no-pdf-header-footer',
        '--generate-pdf-document-outline',
        `--print-to-pdf=${pdfFile}`,
        pathToFileURL(htmlFile).href,
      ],
      { env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') }, timeout: 180_000, stdio: 'ignore' },
    );
    if (run.status !== 0) throw new Error(`naive print of ${path} failed: ${run.error?.message ?? `exit ${run.status}`}`);
    naivePages += await withPdf(new Uint8Array(await readFile(pdfFile)), async (doc) => doc.numPages);
  }
  const naiveSeconds = (performance.now() - naiveStart) / 1000;
  console.log(`naive: ${pool.html!.size} packs, ${naivePages} pages in ${naiveSeconds.toFixed(1)} s (one chromium --print-to-pdf process per pack)`);
  console.log(`ratio: the parts take ${((poolSeconds / naiveSeconds) * 100).toFixed(0)}% of the naive time (${(naiveSeconds / poolSeconds).toFixed(2)}× faster; goal ≤ 1/6, i.e. ≥ 6×)`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
