// Prints the whole-process time of the CLI as a user starts it — `briefing --help` and
// `briefing validate r6` — against a bare `node -e 0`, for the compiled CLI (bin/briefing.mjs →
// dist/) and for the same TypeScript run through tsx (what bin/ did before it was compiled).
// Ratios come from one run: the machine is shared, absolute times drift. Run: npm run bench:cli [runs]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../pipeline/source.ts';

const runs = Number(process.argv[2] ?? 9);
if (!existsSync(join(PROJECT_ROOT, 'dist', 'pipeline', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first');

const compiled = [join(PROJECT_ROOT, 'bin', 'briefing.mjs')];
// the TypeScript entry through tsx's loader, as bin/briefing.mjs ran it before the compiled CLI
const throughTsx = ['--import', 'tsx', '--input-type=module', '-e', `const { main } = await import(${JSON.stringify(join(PROJECT_ROOT, 'pipeline', 'cli.ts'))}); process.exitCode = await main(['node', 'briefing', ...process.argv.slice(1)]);`, '--'];

function median(args: string[], n = runs): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: 'utf8' });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

const bare = median(['-e', '0']);
const rows: [string, number][] = [
  ['node -e 0', bare],
  ['briefing --help (compiled)', median([...compiled, '--help'])],
  ['briefing --help (tsx)', median([...throughTsx, '--help'])],
  ['briefing validate r6 (compiled)', median([...compiled, 'validate', 'r6'], Math.min(runs, 5))],
  ['briefing validate r6 (tsx)', median([...throughTsx, 'validate', 'r6'], Math.min(runs, 5))],
];
console.log(`whole-process start, median of ${runs} runs (validate: ${Math.min(runs, 5)})`);
for (const [name, ms] of rows) console.log(`  ${name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / bare).toFixed(1)}× node -e 0`);
