import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** LibreOffice's command; .ci/setup installs it (Debian: libreoffice-calc-nogui). */
export const SOFFICE = process.env.BRIEFING_SOFFICE ?? 'soffice';

/**
 * CSV of every sheet (LibreOffice 7.2+: sheet -1), UTF-8, comma, double quotes, and each cell's
 * text as shown — formatted with its number format, the way a reader sees it on screen.
 */
export const CSV_AS_SHOWN = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1041,false,true,true,false,false,-1';

/**
 * Converts a file with headless LibreOffice, as a prefecture's spreadsheet program would open it:
 * a throw-away profile and output folder, removed afterwards whatever happens. Returns the files
 * written, by name (CSV: "<stem>-<sheet>.csv").
 */
export async function convertWithLibreOffice(bytes: Uint8Array, fileName: string, target: string, env: Record<string, string> = {}): Promise<Map<string, Uint8Array>> {
  const dir = await mkdtemp(join(tmpdir(), 'briefing-soffice-'));
  try {
    const input = join(dir, basename(fileName));
    const out = join(dir, 'out');
    await writeFile(input, bytes);
    const args = [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--nolockcheck', '--convert-to', target, '--outdir', out, input];
    try {
      await run(SOFFICE, args, { timeout: 120_000, env: { ...process.env, HOME: dir, ...env } });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new Error(`LibreOffice (${SOFFICE}) is not installed: run bash .ci/setup, or set BRIEFING_SOFFICE`);
      throw error;
    }
    const files = new Map<string, Uint8Array>();
    for (const name of await readdir(out)) files.set(name, new Uint8Array(await readFile(join(out, name))));
    if (files.size === 0) throw new Error(`LibreOffice wrote nothing for ${fileName} → ${target}`);
    return files;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
