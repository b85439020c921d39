// Prints the wall time and the peak memory of builds as a user runs them (`node bin/briefing.mjs
// build`) on a copy of the bundled edition: a full build into an empty folder, a no-op rebuild
// (nothing changed), and a rebuild after one figure of the copy's source was edited in place
// (R６当初予算額：６百万円 → ７百万円), with the ratio of that rebuild to the full build — all
// measured in one run, since the machine is shared and noisy.
// `npm run bench:build [runs]` (default 1): the median of each time over the runs, and the median of the
// runs' ratios (each of one run's two builds), with every run's ratio.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../pipeline/lib/paths.ts';

const runs = Number(process.argv[2] ?? 1);
const FIGURE = { find: 'R６当初予算額：６百万円', replace: 'R６当初予算額：７百万円' };

interface Timed {
  seconds: number;
  /** peak resident memory of the build's Node process, in MB (the browser's own processes are not counted) */
  rssMb: number;
  summary: string;
}

function timed(args: string[], dir: string): Timed {
  const rssFile = join(dir, 'rss.txt');
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(PROJECT_ROOT, 'bench', 'max-rss.cjs'), join(PROJECT_ROOT, 'bin', 'briefing.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, BRIEFING_BENCH_RSS: rssFile } });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`briefing ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { seconds, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024, summary: r.stdout.trim().split('\n').at(-1)!.replace(/^.*\(/, '(') };
}

/** A copy of the bundled edition, as a user keeps theirs. */
function copiedEdition(dir: string): string {
  const edition = join(dir, 'sources', 'r6');
  cpSync(join(PROJECT_ROOT, 'sources', 'r6'), edition, { recursive: true });
  return edition;
}

/** One figure of the edition's source changed in place, its checksum in the manifest updated as `init` would. */
function editFigure(edition: string): void {
  const source = readFileSync(join(edition, 'briefing.txt'), 'utf8');
  if (source.split(FIGURE.find).length !== 2) throw new Error(`"${FIGURE.find}" must occur once in the bundled source`);
  const edited = source.replace(FIGURE.find, FIGURE.replace);
  writeFileSync(join(edition, 'briefing.txt'), edited);
  const manifest = join(edition, 'manifest.yaml');
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(sha(source), sha(edited)));
}

const results: { full: Timed; noop: Timed; figure: Timed }[] = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  try {
    const out = join(dir, 'out');
    const edition = copiedEdition(dir);
    const full = timed(['build', edition, '--out', out], dir);
    const noop = timed(['build', edition, '--out', out], dir);
    editFigure(edition);
    const figure = timed(['build', edition, '--out', out], dir);
    results.push({ full, noop, figure });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const median = <T>(values: readonly T[], by: (v: T) => number): T => [...values].sort((a, b) => by(a) - by(b))[Math.floor(values.length / 2)]!;
const line = (label: string, t: Timed) => `  ${label.padEnd(34)} ${t.seconds.toFixed(2).padStart(6)} s  peak RSS ${t.rssMb.toFixed(0).padStart(4)} MB   ${t.summary}`;
// each run's ratio is of its own two builds, made minutes apart on the same machine: their median, not the ratio of two medians
const ratios = results.map((r) => r.figure.seconds / r.full.seconds);
const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
console.log(`build of the bundled R6 briefing, ${runs === 1 ? 'one run' : `median of ${runs} runs`}`);
console.log(line('full build (empty output folder)', median(results.map((r) => r.full), (t) => t.seconds)));
console.log(line('no-op rebuild (nothing changed)', median(results.map((r) => r.noop), (t) => t.seconds)));
console.log(line(`one figure changed (６百万円 → ７百万円)`, median(results.map((r) => r.figure), (t) => t.seconds)));
console.log(`  one-figure rebuild / full build    ${percent(median(ratios, (r) => r))}${runs === 1 ? '' : ` (runs: ${ratios.map(percent).join(', ')})`}`);
