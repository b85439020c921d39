import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { CODE_ROOT, PROJECT_ROOT } from '../lib/paths.ts';

const require = createRequire(import.meta.url);
const memo = new Map<string, string>();

/**
 * The "tool version" of an output: the bytes of the code and templates that render it and the
 * versions of the packages it uses. Any change to them invalidates the outputs they made.
 */
export function codeHash(paths: string[], packages: string[] = []): string {
  const key = JSON.stringify([paths, packages]);
  const known = memo.get(key);
  if (known) return known;
  const h = createHash('sha256');
  // paths relative to their root: a copied or moved checkout hashes the same. Code is hashed as
  // it runs (the TypeScript under tsx, the compiled JavaScript of dist/), templates as they are.
  for (const p of paths) {
    const root = p.startsWith('pipeline/') ? CODE_ROOT : PROJECT_ROOT;
    for (const file of listFiles(join(root, p))) h.update(relative(root, file).split(sep).join('/')).update('\0').update(readFileSync(file));
  }
  for (const name of packages) h.update(name).update(packageVersion(name));
  const digest = h.digest('hex');
  memo.set(key, digest);
  return digest;
}

function listFiles(path: string): string[] {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return [];
  if (info.isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => listFiles(join(path, name)));
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
