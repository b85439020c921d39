import { execFile, spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { BrowserNotFoundError } from './errors.ts';

/** Where a Chrome or Chromium was found, and by which rule. */
export interface BrowserChoice {
  path: string;
  source: string;
}

export const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'] as const;
const ENV_VARS = ['BRIEFING_CHROME', 'PUPPETEER_EXECUTABLE_PATH'] as const;

export { BrowserNotFoundError } from './errors.ts';

export interface BrowserLookup {
  env: Readonly<Record<string, string | undefined>>;
  isExecutable: (path: string) => boolean;
  /** the Chrome puppeteer downloaded, when the full puppeteer package is installed */
  puppeteerChrome: () => Promise<string | null>;
}

/**
 * The browser to print with, in this order: BRIEFING_CHROME, PUPPETEER_EXECUTABLE_PATH, the Chrome
 * of the puppeteer package if installed, then the system's chromium / chromium-browser /
 * google-chrome. A variable that names a missing file is an error, not a reason to look further.
 */
export async function findBrowser(lookup: BrowserLookup = defaultLookup()): Promise<BrowserChoice> {
  for (const name of ENV_VARS) {
    const path = lookup.env[name];
    if (!path) continue;
    if (!lookup.isExecutable(path)) throw new BrowserNotFoundError(`${name}=${path}: there is no executable file there; point it at a Chrome or Chromium binary`);
    return { path, source: name };
  }
  const bundled = await lookup.puppeteerChrome();
  if (bundled && lookup.isExecutable(bundled)) return { path: bundled, source: 'puppeteer' };
  for (const path of SYSTEM_BROWSERS) if (lookup.isExecutable(path)) return { path, source: 'system' };
  throw new BrowserNotFoundError(
    'no Chrome or Chromium found to print the PDF packs. Do one of: set BRIEFING_CHROME=/path/to/chrome ' +
      '(or PUPPETEER_EXECUTABLE_PATH); install the puppeteer package and its browser (npm install puppeteer, ' +
      'or npx puppeteer browsers install chrome); install the system package (apt-get install chromium). ' +
      `Looked for: ${[...ENV_VARS, 'puppeteer', ...SYSTEM_BROWSERS].join(', ')}`,
  );
}

/**
 * "Chromium 156.0.8078.108 …": what a build hashes with its inputs, since another browser may
 * lay the same HTML out on other pages.
 */
export function browserVersion(choice: BrowserChoice, timeoutMs = 15_000): string {
  // asked once per browser in a process: a build's packs, letters and staff report print with the same one
  const known = versions.get(choice.path);
  if (known) return known;
  const run = spawnSync(choice.path, ['--version'], { encoding: 'utf8', timeout: timeoutMs });
  return versionOf(choice, run.stdout, run.error?.message ?? (run.stderr || run.stdout));
}
const versions = new Map<string, string>();
const asking = new Map<string, Promise<string>>();

/**
 * The same, asked without blocking this thread (Debian's chromium is a shell script that takes a
 * tenth of a second to answer): a build asks while it parses, and browserVersion then has it.
 */
export function askBrowserVersion(choice: BrowserChoice, timeoutMs = 15_000): Promise<string> {
  const known = versions.get(choice.path);
  if (known) return Promise.resolve(known);
  let asked = asking.get(choice.path);
  if (!asked) {
    asked = new Promise<string>((resolve, reject) => {
      execFile(choice.path, ['--version'], { encoding: 'utf8', timeout: timeoutMs }, (error, stdout, stderr) => {
        try {
          resolve(versionOf(choice, stdout, error?.message ?? (stderr || stdout)));
        } catch (err) {
          reject(err);
        }
      });
    }).finally(() => asking.delete(choice.path));
    asking.set(choice.path, asked);
  }
  return asked;
}

/** The version line `--version` printed, kept for the process; refused when it printed none. */
function versionOf(choice: BrowserChoice, stdout: string | undefined, failure: string): string {
  const version = stdout?.split('\n').find((line) => /\d+\.\d+/.test(line))?.trim();
  if (!version) throw new BrowserNotFoundError(`${choice.path} does not start as a browser (--version printed no version: ${failure.trim()})`);
  versions.set(choice.path, version);
  return version;
}

export function defaultLookup(): BrowserLookup {
  return { env: process.env, isExecutable, puppeteerChrome };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** puppeteer (not puppeteer-core) knows where it downloaded Chrome; it is optional, so a failed import is no error. */
async function puppeteerChrome(): Promise<string | null> {
  const name = 'puppeteer'; // a variable, so that TypeScript does not require the optional package
  try {
    const mod = (await import(name)) as { default?: { executablePath?: () => string } };
    return mod.default?.executablePath?.() ?? null;
  } catch {
    return null;
  }
}
