import { describe, expect, it } from 'vitest';
import { codeClosure, moduleFacts, type ModuleFacts } from '../../pipeline/build/code-graph.ts';
import { unitCode } from '../../pipeline/build/code-hash.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../pipeline/lib/paths.ts';
import { importEdges, sourceFiles } from '../helpers/import-graph.ts';

describe('the code of a build unit, derived from the import graph', () => {
  it('reads static imports, re-exports, import() and import types of a module, and the templates it names', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../views/b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "const e = await import('../lib/e.ts');",
      "const [f] = await Promise.all([import('./f.ts')]);",
      "import 'node:fs'; import x from 'exceljs';",
      "const dir = templatesDir('pdf');",
    ].join('\n');
    expect(moduleFacts('pipeline/render-pdf/index.ts', text)).toEqual({
      imports: ['pipeline/lib/e.ts', 'pipeline/render-pdf/a.ts', 'pipeline/render-pdf/c.ts', 'pipeline/render-pdf/d.ts', 'pipeline/render-pdf/f.ts', 'pipeline/views/b.ts'],
      templates: ['templates/pdf'],
    });
  });

  it('reads the same imports of every module of the pipeline as the TypeScript parser does', () => {
    const parsed = new Map<string, Set<string>>();
    for (const e of importEdges()) parsed.set(e.from, (parsed.get(e.from) ?? new Set()).add(e.to));
    for (const file of sourceFiles('pipeline')) {
      const read = moduleFacts(file, readFileSync(join(PROJECT_ROOT, file), 'utf8')).imports;
      expect(read, file).toEqual([...(parsed.get(file) ?? [])].sort());
    }
  });

  it('is every module reachable from the entries, through cycles, with the templates any of them reads (no file system)', () => {
    const graph: Record<string, ModuleFacts> = {
      'r/index.ts': { imports: ['r/view.ts', 'u/era.ts'], templates: [] },
      'r/view.ts': { imports: ['r/index.ts', 'v/rows.ts'], templates: ['templates/x'] },
      'v/rows.ts': { imports: ['u/era.ts'], templates: [] },
      'u/era.ts': { imports: [], templates: [] },
      'other/unused.ts': { imports: ['u/era.ts'], templates: ['templates/y'] },
    };
    expect(codeClosure(['r/index.ts'], (m) => graph[m] ?? null)).toEqual({ modules: ['r/index.ts', 'r/view.ts', 'u/era.ts', 'v/rows.ts'], templates: ['templates/x'] });
    // a module that is not there (a package, a typo) is no part of the code
    expect(codeClosure(['r/missing.ts'], (m) => graph[m] ?? null)).toEqual({ modules: [], templates: [] });
  });

  it('gives each renderer its own code: the workbook does not depend on the PDF renderer, the packs read their templates', () => {
    const ext = (m: string) => m.replace(/\.(ts|js)$/, '');
    const workbook = unitCode(['pipeline/render-excel/index.ts']).modules.map(ext);
    expect(workbook).toContain('pipeline/views/contacts-view');
    expect(workbook).toContain('schemas/briefing');
    expect(workbook.some((m) => m.startsWith('pipeline/render-pdf/'))).toBe(false);
    const packs = unitCode(['pipeline/render-pdf/index.ts']);
    expect(packs.templates).toEqual(['templates/pdf']);
    expect(packs.modules.map(ext)).toContain('pipeline/lib/pdfjs');
    expect(unitCode(['pipeline/render-markdown/index.ts']).templates).toEqual(['templates/markdown']);
  });
});
