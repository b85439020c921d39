import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processes } from './render-pdf/processes.ts';

// Tests leave nothing behind: after the run, no temporary folder of ours that the run made and no
// browser the run started with one of our profiles may survive. Either fails the run, by name.

const PREFIXES = ['briefing-', 'contacts-xlsx-'];
const ours = () => new Set(readdirSync(tmpdir()).filter((name) => PREFIXES.some((p) => name.startsWith(p))));

/** Seconds since the epoch at which a process started (Linux: boot time + its start in clock ticks). */
function startedAt(pid: number): number {
  const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  return boot + ticks / 100;
}

export default function setup(): () => void {
  const before = ours();
  const started = Date.now() / 1000;
  return () => {
    const left = [...ours()].filter((name) => !before.has(name));
    const browsers = processes().filter((p) => {
      if (!/chrom/i.test(p.cmdline) || !/--user-data-dir=\S*briefing-pdf-/.test(p.cmdline)) return false;
      try {
        return startedAt(p.pid) >= started - 1;
      } catch {
        return false; // ended while we looked
      }
    });
    const problems = [
      ...left.map((name) => `temporary folder left behind: ${join(tmpdir(), name)}`),
      ...browsers.map((p) => `browser process left behind: ${p.pid} ${p.cmdline.slice(0, 120)}`),
    ];
    if (problems.length > 0) {
      // vitest prints an error thrown here but keeps the exit code: set it too
      process.exitCode = 1;
      throw new Error(`the tests left things behind:\n${problems.join('\n')}`);
    }
  };
}
