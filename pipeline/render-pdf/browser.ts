import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { BrowserChoice } from '../lib/browser-path.ts';
import { FONT_FILES } from './fonts.ts';
import { processAlive } from '../lib/process-alive.ts';
import { BrowserNotFoundError } from '../lib/errors.ts';

export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // containers often give /dev/shm 64 MB, too little for a 50-page print; Debian's wrapper only sometimes adds it
  '--disable-dev-shm-usage',
] as const;

export interface BrowserSession {
  browser: Browser;
  executable: BrowserChoice;
  /** closes the browser (killing it if it does not close in time) and removes its temp folder; safe to call twice */
  close(): Promise<void>;
}

/**
 * Fontconfig that knows only the npm Noto Sans JP files: whatever the machine has installed, a
 * glyph the web font lacks cannot silently come from a system font.
 */
export function fontconfigXml(cacheDir: string): string {
  const dirs = [...new Set([dirname(FONT_FILES.regular), dirname(FONT_FILES.bold)])];
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    ...dirs.map((d) => `  <dir>${xmlText(d)}</dir>`),
    `  <cachedir>${xmlText(cacheDir)}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

const TEMP_PREFIX = 'briefing-pdf-';
/** A browser's temp folder is named after the process it belongs to: `briefing-pdf-<pid>-…`. */
const tempPrefix = (pid: number) => `${TEMP_PREFIX}${pid}-`;
const OWNER_IN_NAME = new RegExp(`^${TEMP_PREFIX}(\\d+)-`);
/** Where earlier versions named the owner instead: a file in the folder. */
const OWNER_FILE = 'owner.pid';

/**
 * Removes the temp folders of browsers whose process is gone: a build killed with SIGKILL cannot
 * clean up, so the next one does. The owner is in the folder's name — a killed build's browser,
 * still exiting, may write into its folder (fontconfig's cache, its profile) after it was removed
 * and make it again, so nothing in it can say whose it is — or, for a folder of an earlier
 * version, in its owner file. A folder without an owner, or whose owner lives (or cannot be
 * asked), is left alone.
 */
export async function removeStaleTempFolders(dir = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const owner = Number(OWNER_IN_NAME.exec(name)?.[1] ?? (await readFile(join(dir, name, OWNER_FILE), 'utf8').catch(() => '')));
    if (!Number.isInteger(owner) || owner <= 0 || processAlive(owner)) continue;
    await rm(join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}


/**
 * One headless browser for a whole run, with a fresh profile in a temp folder. From before the
 * launch until close, SIGINT and SIGTERM close it before the process goes on to die (a signal
 * during the launch waits for the launch to end), and a plain exit kills it. The browser talks
 * over a pipe: when this process dies, even by SIGKILL, the pipe closes and the browser exits
 * with it; the next run removes the temp folder it leaves.
 */
export async function openBrowser(executable: BrowserChoice, timeoutMs: number): Promise<BrowserSession> {
  await removeStaleTempFolders();
  const temp = await mkdtemp(join(tmpdir(), tempPrefix(process.pid)));
  let browser: Browser | null = null;
  let interrupted: NodeJS.Signals | null = null;
  let closing: Promise<void> | null = null;
  const killNow = () => browser?.process()?.kill('SIGKILL');
  const close = () =>
    (closing ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('exit', killNow);
      const child = browser?.process() ?? null;
      if (browser) await withTimeout(browser.close(), Math.min(timeoutMs, 10_000), 'closing the browser').catch(killNow);
      if (child && child.exitCode === null && child.signalCode === null) {
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        killNow();
        await gone;
      }
      await rm(temp, { recursive: true, force: true });
    })());
  // re-raised once the browser is gone, so the process ends the way the signal asked
  const reraise = (signal: NodeJS.Signals) => void close().finally(() => process.kill(process.pid, signal));
  function onSignal(signal: NodeJS.Signals): void {
    interrupted ??= signal;
    if (browser) reraise(signal);
  }
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', killNow);
  try {
    await writeFile(join(temp, 'fonts.conf'), fontconfigXml(join(temp, 'fontconfig-cache')));
    browser = await puppeteer.launch({
      executablePath: executable.path,
      headless: true,
      args: [...CHROME_FLAGS],
      userDataDir: join(temp, 'profile'),
      // its own temporary files too (the folder of its profile's singleton socket, which a browser that does not close cleanly leaves): in the folder that goes with it
      env: { ...process.env, FONTCONFIG_FILE: join(temp, 'fonts.conf'), TMPDIR: temp },
      timeout: timeoutMs,
      protocolTimeout: timeoutMs,
      pipe: true,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (cause) {
    await close();
    if (interrupted) process.kill(process.pid, interrupted);
    // no usable browser: the user's to fix (another BRIEFING_CHROME), told in one line, exit 2
    const reason = (cause as Error).message.split('\n').find((l) => l.trim() !== '') ?? 'it exited';
    throw Object.assign(new BrowserNotFoundError(`could not start ${executable.path} (${executable.source}): ${reason.trim()}`), { cause });
  }
  if (interrupted) reraise(interrupted);
  return { browser, executable, close };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what = 'operation'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
