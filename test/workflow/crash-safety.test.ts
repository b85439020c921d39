import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { acquireLock, lockPath } from '../../pipeline/build/lock.ts';
import { removeStaleTempFolders } from '../../pipeline/render-pdf/browser.ts';
import { BIN, runCli } from '../helpers/cli.ts';
import { processesMentioning } from '../render-pdf/processes.ts';
import { tempDir } from '../helpers/temp.ts';
import { PROJECT_ROOT } from '../../pipeline/source.ts';

const tmp = () => tempDir('rebuild');

/** Resolves when the child has exited, also when it had exited already. */
function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

function tempFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)\..*\.tmp$/.test(f));
}

/** An output folder as a finished build of the bundled briefing leaves it: built once, copied per test. */
let built: string;
beforeAll(() => {
  built = tmp();
  const run = runCli(['build', '--no-packs', '--out', built]);
  if (run.status !== 0) throw new Error(`the baseline build failed: ${run.stderr}`);
});
function builtOut(): string {
  const out = tmp();
  cpSync(built, out, { recursive: true });
  return out;
}

describe('locked, crash-safe builds', () => {
  it('lets one build at a time write an output folder', async () => {
    const out = builtOut();
    const lock = await acquireLock(join(out, 'r6')); // this process holds it, and keeps it fresh
    try {
      const blocked = runCli(['build', '--no-packs', '--out', out]);
      expect(blocked.status).toBe(2);
      expect(blocked.stderr).toMatch(/another build \(pid \d+\) is writing this folder \(.*r6\.lock\)/);
    } finally {
      await lock.release();
    }
    expect(existsSync(lockPath(join(out, 'r6')))).toBe(false);
  });

  it('lets one of several builds starting at the same moment take the lock, and only one', async () => {
    const out = tmp();
    const outDir = join(out, 'r6');
    mkdirSync(outDir);
    const lockModule = pathToFileURL(join(PROJECT_ROOT, 'dist', 'pipeline', 'build', 'lock.js')).href;
    // each takes the lock as a build does, holds it a moment, and says whether it got it
    const script = `const { acquireLock } = await import(${JSON.stringify(lockModule)});
      try { const lock = await acquireLock(${JSON.stringify(outDir)}); process.stdout.write('held'); await new Promise((r) => setTimeout(r, 1500)); await lock.release(); }
      catch (err) { process.stdout.write(err.ruleId ?? String(err)); }`;
    for (let round = 0; round < 3; round++) {
      const children = Array.from({ length: 6 }, () => spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] }));
      const said = await Promise.all(children.map((c) => new Promise<string>((resolve) => {
        let text = '';
        c.stdout!.on('data', (d: Buffer) => (text += d.toString()));
        c.on('exit', () => resolve(text));
      })));
      expect(said.filter((s) => s === 'held'), said.join(' ')).toHaveLength(1);
      expect(said.filter((s) => s !== 'held').every((s) => s === 'build-locked')).toBe(true);
      expect(existsSync(lockPath(outDir))).toBe(false);
    }
    expect(readdirSync(out)).toEqual(['r6']);
  });

  it('takes over the lock of a killed build, and puts right a swap it left half done', () => {
    const out = builtOut();
    const before = readFileSync(join(out, 'r6', 'briefing.json'));
    // a killed build: its lock naming a process that is gone, a staging folder, and the folder
    // itself moved aside between the two renames of its swap
    const lock = lockPath(join(out, 'r6'));
    writeFileSync(lock, JSON.stringify({ pid: 999_999, start: 1 }));
    mkdirSync(join(out, '.r6.staging-0a1b2c3d4e5f'));
    writeFileSync(join(out, '.r6.staging-0a1b2c3d4e5f', 'briefing.json'), 'half a set');
    renameSync(join(out, 'r6'), join(out, '.r6.previous-0a1b2c3d4e5f'));
    writeFileSync(join(out, '.r6.previous-0a1b2c3d4e5f', '.a1b2c3d4e5f6.tmp'), 'half a file');
    const run = runCli(['build', '--no-packs', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\(0 written, 0 unchanged, 37 up to date\)/);
    expect(readdirSync(out).sort()).toEqual(['r6']);
    expect(tempFiles(join(out, 'r6'))).toEqual([]);
    expect(readFileSync(join(out, 'r6', 'briefing.json')).equals(before)).toBe(true);
  });

  it('takes over a lock whose pid now belongs to another process, or that nobody touched for a while', () => {
    const out = builtOut();
    const lock = lockPath(join(out, 'r6'));
    // pid 1 lives, but it is not the process that took the lock: it started at another time
    writeFileSync(lock, JSON.stringify({ pid: 1, start: 123 }));
    expect(runCli(['build', '--no-packs', '--out', out]).status).toBe(0);
    // an older lock names the pid alone; a live pid that has not touched it for a minute has hung
    writeFileSync(lock, '1\n');
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, minuteAgo, minuteAgo);
    expect(runCli(['build', '--no-packs', '--out', out]).status).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });

  it('releases the lock when the build is stopped with SIGTERM or SIGINT', async () => {
    const out = tmp();
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const child = spawn(process.execPath, [BIN, 'build', '--no-packs', '--force', '--out', out], { stdio: 'ignore' });
      const deadline = Date.now() + 60_000;
      while (!existsSync(lockPath(join(out, 'r6')))) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error('the build never took its lock');
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill(signal);
      await exited(child);
      expect(existsSync(lockPath(join(out, 'r6'))), signal).toBe(false);
    }
    expect(runCli(['build', '--no-packs', '--out', out]).status).toBe(0);
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

    // killed at five moments of the build; what each left is compared below with the complete new set
    const left: { delay: number; files: Record<string, Buffer> }[] = [];
    for (const delay of [400, 800, 1200, 1600, 2000]) {
      const child = spawn(process.execPath, [BIN, 'build', '--no-packs', edition, '--out', out], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited(child);
      left.push({ delay, files: read(out) });
    }
    expect(runCli(['build', '--no-packs', edition, '--out', out]).status).toBe(0);
    expect(tempFiles(join(out, 'r6'))).toEqual([]);
    const after = read(out);
    for (const f of files) expect(after[f]!.equals(before[f]!), `${f} changes with the figure`).toBe(false);
    for (const { delay, files: now } of left) {
      for (const f of files) expect(now[f]!.equals(before[f]!) || now[f]!.equals(after[f]!), `${f} after a kill at ${delay} ms`).toBe(true);
    }
  });

  it('a build killed with SIGKILL while printing the PDF packs leaves no pack half-written, and no browser', async () => {
    const out = builtOut();
    // the killed builds keep their browser profiles here, apart from any other run's
    const browserTemp = tmp();
    const before = readFileSync(join(out, 'r6', 'briefing.json'));
    // killed once its browser prints (its profile lives in browserTemp), then again some seconds into the printing
    for (const delay of [0, 4000]) {
      const child = spawn(process.execPath, [BIN, 'build', '--out', out], { stdio: 'ignore', env: { ...process.env, TMPDIR: browserTemp } });
      const deadline = Date.now() + 60_000;
      while (!processesMentioning(browserTemp).some((p) => /chrom/i.test(p.cmdline))) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error('the build never started a browser');
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited(child);
      // The packs are written only once all 48 are printed and verified: none or all of them.
      const packs = existsSync(join(out, 'r6', 'prefectures')) ? readdirSync(join(out, 'r6', 'prefectures')).filter((f) => f.endsWith('.pdf')) : [];
      expect([0, 47]).toContain(packs.length);
      expect(readFileSync(join(out, 'r6', 'briefing.json')).equals(before)).toBe(true);
    }
    // the browser talks over a pipe: it exits when the build that started it is killed
    const gone = Date.now() + 15_000; // within 15 s: a loaded machine is slow to reap them
    while (processesMentioning(browserTemp).length > 0 && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
    expect(processesMentioning(browserTemp)).toEqual([]);
    // its profile folder stays behind (SIGKILL cleans nothing): the next browser's run removes it
    const left = readdirSync(browserTemp).filter((f) => f.startsWith('briefing-pdf-'));
    expect(left.length).toBeGreaterThan(0);
    expect((await removeStaleTempFolders(browserTemp)).sort()).toEqual(left.sort());
    expect(readdirSync(browserTemp).filter((f) => f.startsWith('briefing-'))).toEqual([]);
    expect(runCli(['build', '--no-packs', '--out', out]).status).toBe(0);
    expect(tempFiles(join(out, 'r6'))).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(['r6']);
  });
});
