import { dirname, join, normalize } from 'node:path';

/** The code of a build unit: the modules its renderer reaches and the template folders they read. */
export interface CodeClosure {
  modules: string[];
  templates: string[];
}

/** What the graph knows of a module: the modules it imports and the template folders it names. */
export interface ModuleFacts {
  imports: string[];
  templates: string[];
}

/**
 * The relative modules a module's text imports — static imports, re-exports and import() — as
 * paths next to the module's own ("pipeline/views/chart.ts"), and the template folders it reads
 * through templatesDir('pdf'). Type-only imports count: a type can change what a renderer does.
 */
export function moduleFacts(path: string, text: string): ModuleFacts {
  const imports = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s;}])(?:import|export)\s[^'"`;]*?from\s*['"](\.[^'"]+)['"]|(?<![\w$.])import\(\s*['"](\.[^'"]+)['"]\s*\)|(?:^|[\s;])import\s*['"](\.[^'"]+)['"]/g)) {
    imports.add(normalize(join(dirname(path), m[1] ?? m[2] ?? m[3]!)).split('\\').join('/'));
  }
  const templates = [...new Set([...text.matchAll(/templatesDir\(\s*['"]([a-z-]+)['"]\s*\)/g)].map((m) => `templates/${m[1]}`))];
  return { imports: [...imports].sort(), templates: templates.sort() };
}

/**
 * Every module reachable from the entries, and the template folders any of them reads. Pure: the
 * graph is given as a function, so that a plan is tested without a file system.
 */
export function codeClosure(entries: readonly string[], factsOf: (module: string) => ModuleFacts | null): CodeClosure {
  const seen = new Set<string>();
  const templates = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const module = queue.pop()!;
    if (seen.has(module)) continue;
    const facts = factsOf(module);
    if (!facts) continue;
    seen.add(module);
    for (const t of facts.templates) templates.add(t);
    queue.push(...facts.imports.filter((m) => !seen.has(m)));
  }
  return { modules: [...seen].sort(), templates: [...templates].sort() };
}
