// Prints the wall time of a full build into an empty folder and of a no-op rebuild (nothing
// changed), each as a user runs it: `node bin/briefing.mjs build`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../pipeline/source.ts';

const runs = Number(process.argv[2] ?? 3);

function timed(args: string[]): { seconds: number; stdout: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'briefing.mjs'), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`briefing ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { seconds: (performance.now() - start) / 1000, stdout: r.stdout.trim() };
}

const full: number[] = [];
const noop: number[] = [];
let lastFull = '';
let lastNoop = '';
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  const a = timed(['build', '--out', out]);
  const b = timed(['build', '--out', out]);
  full.push(a.seconds);
  noop.push(b.seconds);
  lastFull = a.stdout.split('\n').at(-1)!;
  lastNoop = b.stdout.split('\n').at(-1)!;
  rmSync(out, { recursive: true, force: true });
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
console.log(`build of the bundled R6 briefing, median of ${runs} runs`);
console.log(`  full build (empty output folder)  ${median(full).toFixed(2)} s   ${lastFull.replace(/^.*→/, '→')}`);
console.log(`  no-op rebuild (nothing changed)    ${median(noop).toFixed(2)} s   ${lastNoop.replace(/^.*→/, '→')}`);
