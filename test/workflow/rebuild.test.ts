import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/source.ts';
import { build } from '../../pipeline/commands/build.ts';
import { tempDir } from '../helpers/temp.ts';

const tmp = () => tempDir('rebuild');

/**
 * A build run in this process, as `briefing build --no-packs` runs it, told by the CLI's counts:
 * the cache is the subject here, not the process (the copied-checkout test runs the CLI itself).
 */
async function buildCounts(options: { source?: string; out: string; force?: boolean }): Promise<string> {
  const result = await build({ ...options, packs: false });
  expect(result.refused).toBe(false);
  return `${result.written.length} written, ${result.unchanged.length} unchanged, ${result.skipped.length} up to date`;
}

describe('incremental builds', () => {
  it('renders nothing when nothing changed', async () => {
    const out = tmp();
    // briefing.json, validation.json, validation.html, contacts.xlsx, 31 program documents, their
    // index and 5 charts (37 units, 41 files).
    expect(await buildCounts({ out })).toBe('41 written, 0 unchanged, 0 up to date');
    expect(await buildCounts({ out })).toBe('0 written, 0 unchanged, 37 up to date');
    expect(await buildCounts({ out, force: true })).toBe('0 written, 41 unchanged, 0 up to date');
  });

  it('re-renders only the program document whose figures changed', async () => {
    const edition = tempDir('rebuild');
    for (const f of ['manifest.yaml', 'checks.yaml', 'briefing.txt']) writeFileSync(join(edition, f), readFileSync(join(PROJECT_ROOT, 'sources', 'r6', f)));
    const out = tmp();
    await buildCounts({ source: edition, out });
    // 移住・交流情報ガーデン (program 4): a budget no check pins, changed in place.
    const text = readFileSync(join(edition, 'briefing.txt'), 'utf8').replace('R6当初予算額：0.9億円', 'R6当初予算額：1.9億円');
    writeFileSync(join(edition, 'briefing.txt'), text);
    // briefing.json, validation.json and its HTML report, the workbook, program 4's document and the index.
    expect(await buildCounts({ source: edition, out })).toBe('6 written, 0 unchanged, 31 up to date');
    expect(readFileSync(join(out, 'r6', 'programs', '04-iju-koryu-joho-garden.md'), 'utf8')).toContain('1.9億円');
  });

  it('re-renders an output whose file was changed or removed by hand', async () => {
    const out = tmp();
    await buildCounts({ out });
    writeFileSync(join(out, 'r6', 'contacts.xlsx'), 'damaged');
    expect(await buildCounts({ out })).toBe('1 written, 0 unchanged, 36 up to date');
  });

  it('finds everything up to date in a copy of the checkout with a copy of its outputs: no absolute path in a cache key', () => {
    const [first, second] = [tmp(), tmp()];
    for (const checkout of [first, second]) {
      for (const entry of ['bin', 'dist', 'pipeline', 'templates', 'schemas', 'sources', 'package.json']) cpSync(join(PROJECT_ROOT, entry), join(checkout, entry), { recursive: true });
      symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(checkout, 'node_modules'));
    }
    const cli = (checkout: string, out: string) => spawnSync(process.execPath, [join(checkout, 'bin', 'briefing.mjs'), 'build', '--no-packs', '--out', out], { cwd: checkout, encoding: 'utf8', timeout: 120_000 });
    expect(cli(first, join(first, 'out')).status).toBe(0);
    cpSync(join(first, 'out'), join(second, 'out'), { recursive: true });
    const run = cli(second, join(second, 'out'));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\(0 written, 0 unchanged, 37 up to date\)/);
  });
});
