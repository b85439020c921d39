import { execFile } from 'node:child_process';
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
 * lay the same HTML out on other pages. Asked once per browser in a process (a build's packs,
 * letters and staff report print with the same one), without blocking this thread: Debian's
 * chromium is a shell script that takes a tenth of a second to answer, and a build asks while it
 * parses. A browser that prints no version is refused, and asked again next time.
 */
export function browserVersion(choice: BrowserChoice, timeoutMs = 15_000): Promise<string> {
  let asked = versions.get(choice.path);
  if (!asked) {
    asked = new Promise<string>((resolve, reject) => {
      execFile(choice.path, ['--version'], { encoding: 'utf8', timeout: timeoutMs }, (error, stdout, stderr) => {
        const version = stdout?.split('\n').find((line) => /\d+\.\d+/.test(line))?.trim();
        if (version) resolve(version);
        else reject(new BrowserNotFoundError(`${choice.path} does not start as a browser (--version printed no version: ${(error?.message ?? (stderr || stdout)).trim()})`));
      });
    });
    versions.set(choice.path, asked);
    asked.catch(() => versions.delete(choice.path));
  }
  return asked;
}
const versions = new Map<string, Promise<string>>();

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
