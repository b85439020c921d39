import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CODE_ROOT, PROJECT_ROOT } from '../lib/paths.ts';
import { codeClosure, moduleFacts, type CodeClosure, type ModuleFacts } from './code-graph.ts';

const memo = new Map<string, string>();
const facts = new Map<string, ModuleFacts | null>();
/** The code runs as TypeScript (tsx: the checkout) or as compiled JavaScript (dist/). */
const EXT = existsSync(join(CODE_ROOT, 'pipeline', 'cli.ts')) ? '.ts' : '.js';

/** A module of the running code, read once: its imports and the templates it names. */
function runningFacts(module: string): ModuleFacts | null {
  if (!facts.has(module)) {
    const file = join(CODE_ROOT, module);
    facts.set(module, existsSync(file) ? moduleFacts(module, readFileSync(file, 'utf8')) : null);
  }
  return facts.get(module)!;
}

/** The code of a unit: the modules reachable from its entry modules in the import graph, and the templates they read. */
export function unitCode(entries: readonly string[]): CodeClosure {
  return codeClosure(entries.map((e) => e.replace(/\.ts$/, EXT)), runningFacts);
}

/**
 * The "tool version" of an output, derived — no hand list: the bytes of every module its entry
 * modules reach, of the templates those modules read, and the libraries as installed
 * (node_modules/.package-lock.json, else the lockfile).
 * Any change to them invalidates the outputs they made. Paths are hashed relative to their root, so
 * a copied or moved checkout hashes the same.
 */
export function codeHash(entries: readonly string[]): string {
  const key = JSON.stringify(entries);
  const known = memo.get(key);
  if (known) return known;
  const { modules, templates } = unitCode(entries);
  const h = createHash('sha256');
  for (const m of modules) h.update(m).update('\0').update(readFileSync(join(CODE_ROOT, m)));
  for (const t of templates) for (const file of listFiles(join(PROJECT_ROOT, t))) h.update(relative(PROJECT_ROOT, file).split(sep).join('/')).update('\0').update(readFileSync(file));
  // the libraries as installed (npm's record of node_modules), else the lockfile, else the ranges of package.json
  const lock = [join('node_modules', '.package-lock.json'), 'package-lock.json', 'package.json'].map((f) => join(PROJECT_ROOT, f)).find((f) => existsSync(f));
  if (lock) h.update(readFileSync(lock));
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
