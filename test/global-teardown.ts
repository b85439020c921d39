import { readdirSync } from 'node:fs';
import { processStart } from '../pipeline/lib/process-alive.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processes } from './render-pdf/processes.ts';

// Tests leave nothing behind: after the run, no temporary folder of ours that the run made and no
// browser the run started with one of our profiles may survive. Either fails the run, by name.

const PREFIXES = ['briefing-', 'contacts-xlsx-'];
const ours = () => new Set(readdirSync(tmpdir()).filter((name) => PREFIXES.some((p) => name.startsWith(p))));

export default function setup(): () => void {
  const before = ours();
  // in clock ticks since boot, as processStart tells every process's start
  const started = processStart(process.pid) ?? 0;
  return () => {
    const left = [...ours()].filter((name) => !before.has(name));
    const browsers = processes().filter((p) => {
      if (!/chrom/i.test(p.cmdline) || !/--user-data-dir=\S*briefing-pdf-/.test(p.cmdline)) return false;
      const start = processStart(p.pid); // null: ended while we looked
      return start !== null && start >= started;
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
