import { open, readFile, rm, utimes } from 'node:fs/promises';
import { rmSync, statSync } from 'node:fs';
import { displayPath } from '../lib/display-path.ts';
import { InputError } from '../lib/errors.ts';
import { processAlive, processStart } from '../lib/process-alive.ts';

export interface Lock {
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  /** the holder's start (processStart), null where the system does not tell */
  start: number | null;
}

/** A lock its holder has not touched for this long is taken over (a holder on a frozen or other machine). */
export const STALE_MS = 30_000;
const TOUCH_MS = 5_000;

/** The lock of an edition's output folder: beside it, so that the folder itself can be swapped whole. */
export function lockPath(outDir: string): string {
  return `${outDir}.lock`;
}

/**
 * One build at a time per output folder: a lock file created exclusively beside the folder,
 * naming its holder by pid and start time, touched every few seconds. A lock whose holder is
 * gone — no such pid, or a pid now used by another process — or that nobody touched for
 * STALE_MS is taken over at once; a live holder's lock is refused. The lock goes when the process
 * exits, also on SIGINT and SIGTERM.
 */
export async function acquireLock(outDir: string): Promise<Lock> {
  const path = lockPath(outDir);
  // the handlers come first: a signal that arrives while the file is being made still removes it
  const lock = guard(path);
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(path, 'wx');
        lock.created = true;
        const me: Holder = { pid: process.pid, start: processStart(process.pid) };
        await handle.writeFile(`${JSON.stringify(me)}\n`);
        await handle.close();
        lock.hold();
        return lock;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const holder = await readHolder(path);
        if (holder && holderLives(holder, path)) {
          throw new InputError(`another build (pid ${holder.pid}) is writing this folder (${displayPath(path)}); wait for it to finish`, { file: displayPath(outDir), ruleId: 'build-locked' });
        }
        await rm(path, { force: true }); // its holder is gone
      }
    }
    throw new InputError(`could not take the build lock ${displayPath(path)}`, { file: displayPath(outDir), ruleId: 'build-locked' });
  } catch (err) {
    await lock.release();
    throw err;
  }
}

async function readHolder(path: string): Promise<Holder | null> {
  const text = await readFile(path, 'utf8').catch(() => '');
  try {
    const parsed = JSON.parse(text) as Partial<Holder>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, start: typeof parsed.start === 'number' ? parsed.start : null } : null;
  } catch {
    // an older lock: the pid alone
    const pid = Number(text.trim());
    return Number.isInteger(pid) && pid > 0 ? { pid, start: null } : null;
  }
}

function holderLives(holder: Holder, path: string): boolean {
  if (holder.pid === process.pid) return false;
  if (!processAlive(holder.pid)) return false;
  const start = processStart(holder.pid);
  if (holder.start !== null && start !== null && start !== holder.start) return false; // the pid was reused
  const touched = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return Date.now() - touched < STALE_MS;
}

interface GuardedLock extends Lock {
  /** set once this process has made the file: only then is it this process's to remove */
  created: boolean;
  /** start touching the file */
  hold(): void;
}

/** The lock file's guard: touches it while held; removes it on release, on exit and on SIGINT/SIGTERM. */
function guard(path: string): GuardedLock {
  let touch: NodeJS.Timeout | null = null;
  const removeNow = () => {
    if (lock.created) rmSync(path, { force: true });
  };
  // a signal ends the process: the lock goes first; when no other handler is there to end the
  // process (the browser's closes it, then raises the signal again), raise it again ourselves
  const onSignal = (signal: NodeJS.Signals) => {
    removeNow();
    if (process.listeners(signal).length === 1) {
      forget();
      process.kill(process.pid, signal);
    }
  };
  const forget = () => {
    if (touch) clearInterval(touch);
    process.off('exit', removeNow);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('exit', removeNow);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const lock: GuardedLock = {
    created: false,
    hold: () => {
      touch = setInterval(() => {
        const now = new Date();
        utimes(path, now, now).catch(() => undefined);
      }, TOUCH_MS);
      touch.unref();
    },
    release: async () => {
      forget();
      if (lock.created) await rm(path, { force: true });
      lock.created = false;
    },
  };
  return lock;
}
