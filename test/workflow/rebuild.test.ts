import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/source.ts';
import { removeStaleTempFolders } from '../../pipeline/render-pdf/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { processesMentioning } from '../render-pdf/processes.ts';
import { tempDir } from '../helpers/temp.ts';

const tmp = () => tempDir('rebuild');

function tempFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)\..*\.tmp$/.test(f));
}

describe('incremental, locked, crash-safe builds', () => {
  it('renders nothing when nothing changed', () => {
    const out = tmp();
    const first = runCli(['build', '--no-packs', '--out', out]);
    expect(first.status).toBe(0);
    // briefing.json, validation.json, validation.html, contacts.xlsx, 31 program documents, their
    // index and 5 charts (37 units, 41 files).
    expect(first.stdout).toMatch(/\(41 written, 0 unchanged, 0 up to date\)/);
    const again = runCli(['build', '--no-packs', '--out', out]);
    expect(again.stdout).toMatch(/\(0 written, 0 unchanged, 37 up to date\)/);
    const forced = runCli(['build', '--no-packs', '--out', out, '--force']);
    expect(forced.stdout).toMatch(/\(0 written, 41 unchanged, 0 up to date\)/);
  });

  it('re-renders only the program document whose figures changed', () => {
    const edition = tempDir('rebuild');
    for (const f of ['manifest.yaml', 'checks.yaml', 'briefing.txt']) writeFileSync(join(edition, f), readFileSync(join(PROJECT_ROOT, 'sources', 'r6', f)));
    const out = tmp();
    expect(runCli(['build', '--no-packs', edition, '--out', out]).status).toBe(0);
    // 移住・交流情報ガーデン (program 4): a budget no check pins, changed in place.
    const text = readFileSync(join(edition, 'briefing.txt'), 'utf8').replace('R6当初予算額：0.9億円', 'R6当初予算額：1.9億円');
    writeFileSync(join(edition, 'briefing.txt'), text);
    const run = runCli(['build', '--no-packs', edition, '--out', out]);
    expect(run.status).toBe(0);
    // briefing.json, validation.json and its HTML report, the workbook, program 4's document and the index.
    expect(run.stdout).toMatch(/\(6 written, 0 unchanged, 31 up to date\)/);
    expect(readFileSync(join(out, 'r6', 'programs', '04-iju-koryu-joho-garden.md'), 'utf8')).toContain('1.9億円');
  });

  it('re-renders an output whose file was changed or removed by hand', () => {
    const out = tmp();
    runCli(['build', '--no-packs', '--out', out]);
    writeFileSync(join(out, 'r6', 'contacts.xlsx'), 'damaged');
    const run = runCli(['build', '--no-packs', '--out', out]);
    expect(run.stdout).toMatch(/\(1 written, 0 unchanged, 36 up to date\)/);
  });

  it('lets one build at a time write an output folder', () => {
    const out = tmp();
    runCli(['build', '--no-packs', '--out', out]);
    writeFileSync(join(out, 'r6', '.lock'), `${process.pid}\n`); // a live process holds it
    const blocked = runCli(['build', '--no-packs', '--out', out]);
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toContain(`another build (pid ${process.pid}) is writing this folder`);
  });

  it('takes over the lock of a killed build and removes its temporary files', () => {
    const out = tmp();
    runCli(['build', '--no-packs', '--out', out]);
    const before = readFileSync(join(out, 'r6', 'briefing.json'));
    writeFileSync(join(out, 'r6', '.lock'), '999999\n'); // no such process
    writeFileSync(join(out, 'r6', '.a1b2c3d4e5f6.tmp'), 'half a file');
    const run = runCli(['build', '--no-packs', '--out', out]);
    expect(run.status).toBe(0);
    expect(tempFiles(join(out, 'r6'))).toEqual([]);
    expect(existsSync(join(out, 'r6', '.lock'))).toBe(false);
    expect(readFileSync(join(out, 'r6', 'briefing.json')).equals(before)).toBe(true);
  });

  it('a build killed with SIGKILL leaves every output whole (old or new), and the next run no temporary files', async () => {
    // An edition whose figures change between two builds, so the second build really writes.
    const edition = tmp();
    for (const f of ['manifest.yaml', 'checks.yaml', 'briefing.txt']) writeFileSync(join(edition, f), readFileSync(join(PROJECT_ROOT, 'sources', 'r6', f)));
    const out = tmp();
    expect(runCli(['build', '--no-packs', edition, '--out', out]).status).toBe(0);
    const files = ['briefing.json', 'validation.json', 'contacts.xlsx', 'programs/04-iju-koryu-joho-garden.md', 'programs/index.md'];
    const read = (dir: string) => Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, 'r6', f))]));
    const before = read(out);
    const text = readFileSync(join(edition, 'briefing.txt'), 'utf8').replace('R6当初予算額：0.9億円', 'R6当初予算額：1.9億円');
    writeFileSync(join(edition, 'briefing.txt'), text);
    const expectedOut = tmp();
    expect(runCli(['build', '--no-packs', edition, '--out', expectedOut]).status).toBe(0);
    const after = read(expectedOut);
    for (const f of files) expect(after[f]!.equals(before[f]!), f).toBe(false);

    for (const delay of [400, 800, 1200, 1600, 2000]) {
      const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'briefing.mjs'), 'build', '--no-packs', edition, '--out', out], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const now = read(out);
      for (const f of files) expect(now[f]!.equals(before[f]!) || now[f]!.equals(after[f]!), `${f} after a kill at ${delay} ms`).toBe(true);
    }
    expect(runCli(['build', '--no-packs', edition, '--out', out]).status).toBe(0);
    expect(tempFiles(join(out, 'r6'))).toEqual([]);
    for (const [f, bytes] of Object.entries(read(out))) expect(bytes.equals(after[f]!), f).toBe(true);
  });

  it('a build killed with SIGKILL while printing the PDF packs leaves no pack half-written, and no browser', async () => {
    const out = tmp();
    // the killed builds keep their browser profiles here, apart from any other run's
    const browserTemp = tmp();
    expect(runCli(['build', '--no-packs', '--out', out]).status).toBe(0);
    const before = readFileSync(join(out, 'r6', 'briefing.json'));
    // killed once its browser prints (its profile lives in browserTemp), then again some seconds into the printing
    for (const delay of [0, 4000]) {
      const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'briefing.mjs'), 'build', '--out', out], { stdio: 'ignore', env: { ...process.env, TMPDIR: browserTemp } });
      const deadline = Date.now() + 60_000;
      while (!processesMentioning(browserTemp).some((p) => /chrom/i.test(p.cmdline))) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error('the build never started a browser');
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      // The packs are written only once all 48 are printed and verified: none or all of them.
      const packs = existsSync(join(out, 'r6', 'prefectures')) ? readdirSync(join(out, 'r6', 'prefectures')).filter((f) => f.endsWith('.pdf')) : [];
      expect([0, 47]).toContain(packs.length);
      expect(readFileSync(join(out, 'r6', 'briefing.json')).equals(before)).toBe(true);
    }
    // the browser talks over a pipe: it exits when the build that started it is killed
    const gone = Date.now() + 10_000;
    while (processesMentioning(browserTemp).length > 0 && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
    expect(processesMentioning(browserTemp)).toEqual([]);
    // its profile folder stays behind (SIGKILL cleans nothing): the next browser's run removes it
    const left = readdirSync(browserTemp).filter((f) => f.startsWith('briefing-pdf-'));
    expect(left.length).toBeGreaterThan(0);
    expect((await removeStaleTempFolders(browserTemp)).sort()).toEqual(left.sort());
    expect(readdirSync(browserTemp).filter((f) => f.startsWith('briefing-'))).toEqual([]);
    expect(runCli(['build', '--no-packs', '--out', out]).status).toBe(0);
    expect(tempFiles(join(out, 'r6'))).toEqual([]);
    expect(existsSync(join(out, 'r6', '.lock'))).toBe(false);
  });
});
