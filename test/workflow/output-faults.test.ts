import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureWritableRoot } from '../../pipeline/build/out-dir.ts';
import { writeStaged } from '../../pipeline/build/staged-write.ts';
import { build } from '../../pipeline/commands/build.ts';
import { OutputError } from '../../pipeline/lib/errors.ts';
import { BIN, runCli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

// The output side fails as plainly as the input side: one located line, exit code 3, and the
// output folder holds the previous complete set or the new one — never a mix.

describe('an output folder that cannot take the outputs', () => {
  it('is refused before any work when a file stands in its way, with exit code 3', () => {
    const dir = tempDir('out-file');
    writeFileSync(join(dir, 'out'), 'a file, not a folder');
    const started = Date.now();
    const run = runCli(['build', '--no-packs', '--out', join(dir, 'out', 'r6')]);
    expect(run.status).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/out: error: a file stands where a folder is needed while preparing the output folder .*\[write-failed\]/);
    // refused before the briefing is read (a whole build of R6 takes several seconds)
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(run.stdout).toBe('');
  });

  it('is refused at once under /proc, where a recursive mkdir would spin forever', () => {
    const run = runCli(['build', '--no-packs', '--out', '/proc/briefing-pack-test/out']);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^\/proc\/briefing-pack-test: error: a folder cannot be created there while creating the output folder \[write-failed\]$/m);
  });

  it('lets two builds start at once into a new output folder: one builds, the other waits its turn or finds it done', async () => {
    const out = join(tempDir('out-race'), 'a', 'b');
    const run = () => new Promise<number | null>((resolve) => spawn(process.execPath, [BIN, 'build', '--no-packs', '--out', out], { stdio: 'ignore' }).on('exit', resolve));
    const codes = await Promise.all([run(), run()]);
    // never exit 3 ("the folder cannot take the outputs") because the other made it first
    expect(codes).toContain(0);
    expect(codes.every((c) => c === 0 || c === 2)).toBe(true);
    expect(readdirSync(out)).toEqual(['r6']);
  });

  it('names a folder that cannot be reached (a link to itself, a name too long) in one line with exit 3', () => {
    const dir = tempDir('out-loop');
    symlinkSync(join(dir, 'loop'), join(dir, 'loop'));
    const loop = runCli(['build', '--no-packs', '--out', join(dir, 'loop', 'out')]);
    expect(loop.status).toBe(3);
    expect(loop.stderr).toMatch(/loop\/out: error: too many symbolic links .* \[write-failed\]\n$/);
    const long = runCli(['build', '--no-packs', '--out', join(dir, 'x'.repeat(300))]);
    expect(long.status).toBe(3);
    expect(long.stderr).toMatch(/error: a file name or path too long .* \[write-failed\]\n$/);
  });

  it('updates the folder a symbolic link names, and keeps the link (an edition folder on a shared drive)', async () => {
    const dir = tempDir('out-link');
    mkdirSync(join(dir, 'shared'));
    mkdirSync(join(dir, 'out'));
    symlinkSync(join(dir, 'shared'), join(dir, 'out', 'r6'));
    await build({ out: join(dir, 'out'), packs: false });
    expect(lstatSync(join(dir, 'out', 'r6')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'shared', 'briefing.json'), 'utf8')).edition).toBe('r6');
    expect(readdirSync(dir).sort()).toEqual(['out', 'shared']);
  });

  it('guards every command that writes: `briefing schemas --out` under /proc too', () => {
    const run = runCli(['schemas', '--out', '/proc/briefing-pack-test/schemas']);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^\/proc\/briefing-pack-test: error: a folder cannot be created there while creating the output folder \[write-failed\]$/m);
  });

  it('names the folder and the reason for a full disk, a read-only disk and a missing permission', async () => {
    const dir = tempDir('out-codes');
    for (const [code, reason] of [['ENOSPC', 'no space left on device'], ['EROFS', 'read-only file system'], ['EACCES', 'permission denied']] as const) {
      const error = new OutputError('out/r6', code, 'writing contacts.xlsx');
      expect(error.format()).toBe(`out/r6: error: ${reason} while writing contacts.xlsx [write-failed]`);
    }
    // a folder that exists and takes files passes, and keeps nothing of the probe
    await ensureWritableRoot(join(dir, 'new', 'out'));
    expect(readdirSync(join(dir, 'new', 'out'))).toEqual([]);
  });
});

describe('writing an output set', () => {
  it('replaces the whole set, or leaves the previous one whole when a write fails half way', async () => {
    const root = tempDir('staged');
    const outDir = join(root, 'r6');
    mkdirSync(join(outDir, 'programs'), { recursive: true });
    writeFileSync(join(outDir, 'briefing.json'), 'old data');
    writeFileSync(join(outDir, 'programs', 'kept.md'), 'old document');

    // the second file cannot be written: a file stands where its folder should be
    const failing = writeStaged(outDir, [
      { path: 'briefing.json', content: 'new data' },
      { path: 'programs/kept.md/child.md', content: 'cannot be' },
    ]);
    await expect(failing).rejects.toBeInstanceOf(OutputError);
    await expect(failing).rejects.toThrow(/while writing programs\/kept\.md\/child\.md/);
    expect(readFileSync(join(outDir, 'briefing.json'), 'utf8')).toBe('old data');
    expect(readdirSync(root)).toEqual(['r6']);

    const result = await writeStaged(outDir, [{ path: 'briefing.json', content: 'new data' }]);
    expect(result).toEqual({ written: ['briefing.json'], unchanged: [] });
    expect(readFileSync(join(outDir, 'briefing.json'), 'utf8')).toBe('new data');
    // what the build did not render again is still there, as it was
    expect(readFileSync(join(outDir, 'programs', 'kept.md'), 'utf8')).toBe('old document');
    expect(readdirSync(root)).toEqual(['r6']);
  });

  it('fills a small disk with a clear line and exit 3, and keeps the earlier outputs (a 3 MB tmpfs, where this machine lets root mount one)', (ctx) => {
    const mount = tempDir('tmpfs');
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mount]).status === 0;
    // not root, or no mount in this container: reported as skipped; the staged test above stands
    if (!mounted) ctx.skip();
    try {
      const out = join(mount, 'out');
      const run = runCli(['build', '--no-packs', '--out', out]);
      expect(run.status).toBe(3);
      expect(run.stderr).toMatch(/out\/r6: error: no space left on device while writing \S+ \[write-failed\]/);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      spawnSync('umount', [mount]);
    }
  });
});
