import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../pipeline/lib/paths.ts';
import { importEdges, layerViolations, oversized, sourceFiles } from './helpers/import-graph.ts';

// The pipeline's shape, held by tests (ARCHITECTURE.md draws it): stages import only earlier
// stages, renderers never import each other, nothing but the CLI imports commands/; modules stay
// under 300 lines and functions under 80.

describe('the import graph of pipeline/', () => {
  const edges = importEdges();

  it('reads the imports: static, re-exports, dynamic import() and import types', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: 'pipeline/cli/build.ts', to: 'pipeline/commands/build.ts' });
    expect(edges.some((e) => e.from === 'pipeline/commands/build-units.ts' && e.to === 'pipeline/render-markdown/index.ts')).toBe(true);
  });

  it('follows the layers: no stage imports a later one, no renderer another, nothing but the CLI commands/, renderers only through their entry', () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it('would report each kind of break', () => {
    expect(
      layerViolations([
        { from: 'pipeline/render-pdf/pack-view.ts', to: 'pipeline/render-excel/index.ts' },
        { from: 'pipeline/parse/index.ts', to: 'pipeline/validate/index.ts' },
        { from: 'pipeline/report/terminal.ts', to: 'pipeline/commands/validate.ts' },
        { from: 'pipeline/views/chart.ts', to: 'pipeline/diff/index.ts' },
        { from: 'pipeline/commands/build.ts', to: 'pipeline/render-pdf/browser.ts' },
      ]),
    ).toEqual([
      'pipeline/render-pdf/pack-view.ts → pipeline/render-excel/index.ts: render-pdf and render-excel are of one layer and never import each other',
      'pipeline/parse/index.ts → pipeline/validate/index.ts: parse may not import validate, a later stage',
      'pipeline/report/terminal.ts → pipeline/commands/validate.ts: report may not import commands, a later stage',
      'pipeline/views/chart.ts → pipeline/diff/index.ts: views and diff are of one layer and never import each other',
      'pipeline/commands/build.ts → pipeline/render-pdf/browser.ts: a renderer is used through its entry, render-pdf/index.ts',
    ]);
  });
});

describe('sizes', () => {
  it('modules under 300 lines, functions under 80', () => {
    expect(oversized([...sourceFiles('pipeline'), ...sourceFiles('schemas')], 300, 80)).toEqual([]);
  });

  it('would name an oversized module and function', () => {
    const file = 'pipeline/validate/index.ts';
    const text = readFileSync(join(PROJECT_ROOT, file), 'utf8').split('\n');
    const start = text.findIndex((l) => l.startsWith('export function validate(')) + 1;
    const found = oversized([file], 20, 20);
    expect(found[0]).toBe(`${file}: ${text.length - 1} lines`);
    expect(found).toContain(`${file}:${start}: a function of ${text.findIndex((l, i) => i >= start && l === '}') - start + 2} lines`);
  });
});
