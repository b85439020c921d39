import { readdirSync, readFileSync } from 'node:fs';

interface ProcessEntry {
  pid: number;
  ppid: number;
  cmdline: string;
}

/** Every process of this machine (Linux /proc), with its parent and command line. */
export function processes(): ProcessEntry[] {
  const out: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      out.push({ pid: Number(name), ppid, cmdline });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** Browser processes started (directly or not) by `pid`. */
export function chromiumDescendants(pid = process.pid): ProcessEntry[] {
  const all = processes();
  const children = new Map<number, ProcessEntry[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const found: ProcessEntry[] = [];
  const walk = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      if (/chrom/i.test(child.cmdline)) found.push(child);
      walk(child.pid);
    }
  };
  walk(pid);
  return found;
}

/** Processes whose command line contains `text`: e.g. a temp folder only one browser used. */
export function processesMentioning(text: string): ProcessEntry[] {
  return processes().filter((p) => p.cmdline.includes(text) && p.pid !== process.pid);
}
