import { randomBytes } from 'node:crypto';
import { link, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { readFileSync, rmSync, statSync } from 'node:fs';
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
  /** drawn by the holder: tells its lock from a later one with the same pid */
  token: string | null;
}

/** A lock its holder has not touched for this long is taken over (a holder on a frozen or other machine). */
const STALE_MS = 30_000;
const TOUCH_MS = 5_000;
/** A lock file that names no holder yet is a build starting, this long. */
const FRESH_MS = 5_000;

/** The lock of an edition's output folder: beside it, so that the folder itself can be swapped whole. */
export function lockPath(outDir: string): string {
  return `${outDir}.lock`;
}

/**
 * One build at a time per output folder: a lock file beside the folder, linked into place whole
 * (never seen empty), naming its holder by pid, start time and a token, touched every few seconds.
 * A lock whose holder is gone — no such pid, or a pid now used by another process, or (where the
 * system tells no start times) a lock nobody touched for STALE_MS — is moved aside by one taker and
 * taken over; a live holder's lock is refused. The lock goes when the process exits, also on
 * SIGINT and SIGTERM, and only if it is still this process's.
 */
export async function acquireLock(outDir: string): Promise<Lock> {
  const path = lockPath(outDir);
  const me: Holder & { token: string } = { pid: process.pid, start: processStart(process.pid), token: randomBytes(8).toString('hex') };
  // the handlers come first: a signal that arrives while the file is being made still removes it
  const lock = guard(path, me.token);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await createFilledIn(path, me)) {
        lock.hold();
        return lock;
      }
      const holder = await readHolder(path);
      if (holder === undefined) continue; // gone meanwhile: try again
      if (holder === null ? youngerThan(path, FRESH_MS) : holderLives(holder, path)) {
        const who = holder ? `pid ${holder.pid}` : 'a build just starting';
        throw new InputError(`another build (${who}) is writing this folder (${displayPath(path)}); wait for it to finish`, { file: displayPath(outDir), ruleId: 'build-locked' });
      }
      await takeOver(path, holder, me.token); // its holder is gone
    }
    throw new InputError(`could not take the build lock ${displayPath(path)}`, { file: displayPath(outDir), ruleId: 'build-locked' });
  } catch (err) {
    await lock.release();
    throw err;
  }
}

/** A lock file that is never seen empty: written aside, then linked into place (fails if one exists). */
async function createFilledIn(path: string, me: Holder & { token: string }): Promise<boolean> {
  const aside = `${path}.${me.token}.tmp`;
  await writeFile(aside, `${JSON.stringify(me)}\n`, { flag: 'wx' });
  try {
    await link(aside, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await rm(aside, { force: true });
  }
}

/**
 * Moves a dead holder's lock aside — one taker wins the rename — and removes it; a lock that a
 * live taker put there meanwhile is linked back untouched.
 */
async function takeOver(path: string, judged: Holder | null, token: string): Promise<void> {
  const aside = `${path}.stale-${token}`;
  try {
    await rename(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // another taker moved it
    throw err;
  }
  // another taker's lock, put there between our reading and our rename, goes back as it was
  const moved = await readHolder(aside);
  if (moved && moved.token !== judged?.token) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
}

/** The holder named in the file; null when it names none (empty, garbled); undefined when there is no file. */
async function readHolder(path: string): Promise<Holder | null | undefined> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseHolder(text);
}

function parseHolder(text: string): Holder | null {
  try {
    const parsed = JSON.parse(text) as Partial<Holder>;
    if (typeof parsed.pid !== 'number') return null;
    return { pid: parsed.pid, start: typeof parsed.start === 'number' ? parsed.start : null, token: typeof parsed.token === 'string' ? parsed.token : null };
  } catch {
    // an older lock: the pid alone
    const pid = Number(text.trim());
    return Number.isInteger(pid) && pid > 0 ? { pid, start: null, token: null } : null;
  }
}

/**
 * The holder still runs: its pid lives and, where the system tells start times, it is the same
 * process (a stopped or sleeping holder keeps its lock however long); where it does not, the
 * lock was touched within STALE_MS.
 */
function holderLives(holder: Holder, path: string): boolean {
  if (holder.pid === process.pid) return false;
  if (!processAlive(holder.pid)) return false;
  const start = processStart(holder.pid);
  if (holder.start !== null && start !== null) return start === holder.start; // else the pid was reused
  return youngerThan(path, STALE_MS);
}

function youngerThan(path: string, ms: number): boolean {
  const touched = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return Date.now() - touched < ms;
}

/** The lock names this process (its token): only then may it touch or remove it. */
function ours(path: string, token: string): boolean {
  try {
    return parseHolder(readFileSync(path, 'utf8'))?.token === token;
  } catch {
    return false; // no lock file
  }
}

interface GuardedLock extends Lock {
  /** start touching the file */
  hold(): void;
}

/** The lock file's guard: touches it while held; removes it on release, on exit and on SIGINT/SIGTERM. */
function guard(path: string, token: string): GuardedLock {
  let touch: NodeJS.Timeout | null = null;
  // a lock taken over (this process was stopped for long, on a system without start times) is
  // the new holder's: it is neither touched nor removed
  // by the token: a signal that comes right after the link made the lock still removes it
  const removeNow = () => {
    if (ours(path, token)) rmSync(path, { force: true });
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
    hold: () => {
      touch = setInterval(() => {
        if (!ours(path, token)) return;
        const now = new Date();
        utimes(path, now, now).catch(() => undefined);
      }, TOUCH_MS);
      touch.unref();
    },
    release: async () => {
      forget();
      if (ours(path, token)) await rm(path, { force: true });
    },
  };
  return lock;
}
