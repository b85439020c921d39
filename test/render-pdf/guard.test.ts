import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/source.ts';
import { packTargets } from '../../pipeline/render-pdf/pack-plan.ts';
import { packView, sharedContent } from '../../pipeline/render-pdf/pack-view.ts';
import { pageTexts, withPdf } from '../../pipeline/render-pdf/pdf-read.ts';
import { printHtml } from '../../pipeline/render-pdf/print-html.ts';
import { renderPacks } from '../../pipeline/render-pdf/render-packs.ts';
import { compileTemplates } from '../../pipeline/render-pdf/templates.ts';
import { r6PackInput, type R6PackInput } from './r6-input.ts';
import { chromiumDescendants, processesMentioning } from './processes.ts';

let briefing: R6PackInput['briefing'];
let report: R6PackInput['report'];
let manifest: R6PackInput['manifest'];

beforeAll(async () => {
  ({ briefing, report, manifest } = await r6PackInput());
});

// What a hostile document would need to get into a pack: the Markdown stage drops raw HTML, so
// this test puts it into the layout directly, where a chart's SVG goes.
const HOSTILE = [
  '<p>marker-before</p>',
  '<iframe src="file:///etc/passwd" width="600" height="400"></iframe>',
  '<object data="file:///etc/hostname" type="text/plain"></object>',
  '<img src="http://example.com/x.png" alt="">',
  '<link rel="stylesheet" href="http://example.com/evil.css">',
  '<iframe src="https://example.org/"></iframe>',
  '<script>document.write("JS-RAN")</script>',
  '<p style="background: url(http://example.com/bg.png)">marker-after</p>',
].join('\n');

describe('a pack page is a sandbox', () => {
  it('loads no file: URL and no other host, prints none of them, and records each refusal', async () => {
    const shared = sharedContent({ briefing, report, manifest });
    // the one raw slot of the layout is a chart's SVG: put the hostile markup there
    const first = shared.programs[0]!;
    const slideSections = first.slideSections.map((s) => ({ ...s, blocks: s.blocks.map((b) => (b.partial === 'block-table' && b.charts.length > 0 ? { ...b, charts: [{ ...b.charts[0]!, svg: HOSTILE }] } : b)) }));
    const hostile = { ...shared, programs: [{ ...first, slideSections }] };
    const html = compileTemplates().layout(packView(hostile, packTargets(['national'])[0]!, null));
    expect(html).toContain('<iframe src="file:///etc/passwd"');
    const { pdf, blocked } = await printHtml(html);
    const text = (await withPdf(pdf, pageTexts)).join('\n');
    expect(text).toContain('marker-before');
    expect(text).toContain('marker-after');
    expect(text).not.toContain('root:');
    expect(text).not.toContain('JS-RAN');
    const urls = blocked.map((b) => b.url);
    for (const url of ['file:///etc/passwd', 'file:///etc/hostname', 'http://example.com/x.png', 'https://example.org/']) expect(urls).toContain(url);
    expect(chromiumDescendants()).toEqual([]);
  }, 60_000);
});

describe('the browser never outlives a run', () => {
  it('is closed when renderPacks fails', async () => {
    const failure = renderPacks({ briefing, report, manifest }, {
      only: ['08-ibaraki'],
      onProgress: () => {
        throw new Error('the caller gave up');
      },
    });
    await expect(failure).rejects.toThrow('the caller gave up');
    expect(chromiumDescendants()).toEqual([]);
  }, 90_000);

  it('is closed, and its temp folder removed, when the process gets SIGINT', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'briefing-sigint-'));
    try {
      const script = `
        const { r6PackInput } = await import(${JSON.stringify(join(PROJECT_ROOT, 'test/render-pdf/r6-input.ts'))});
        const { renderPacks } = await import(${JSON.stringify(join(PROJECT_ROOT, 'pipeline/render-pdf/index.ts'))});
        await renderPacks(await r6PackInput());
        process.stdout.write('finished\\n');`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, TMPDIR: tmp },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr.on('data', (c: Buffer) => (output += c.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      // wait until the browser of the child runs (its profile lives in the child's TMPDIR)
      const deadline = Date.now() + 60_000;
      while (processesMentioning(tmp).filter((p) => /chrom/i.test(p.cmdline)).length === 0) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the child never started a browser:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      child.kill('SIGINT');
      const { signal } = await exited;
      expect(signal).toBe('SIGINT');
      expect(output).not.toContain('finished');
      expect(processesMentioning(tmp)).toEqual([]);
      expect((await readdir(tmp)).filter((f) => f.startsWith('briefing-pdf-'))).toEqual([]);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 90_000);
});
