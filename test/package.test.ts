import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../pipeline/source.ts';
import { tempDir } from './helpers/temp.ts';

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

describe('the CLI as shipped', () => {
  it('runs compiled JavaScript: no TypeScript loader among the dependencies, dist/ built when installing', () => {
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(Object.keys(pkg.dependencies).filter((d) => /esbuild|typescript/.test(d))).toEqual([]);
    expect(pkg.scripts.prepare).toMatch(/npm run build/);
    const bin = readFileSync(join(PROJECT_ROOT, pkg.bin.briefing!), 'utf8');
    expect(bin).toContain("'dist/pipeline/cli.js'");
    expect(bin).not.toMatch(/['"]tsx[/'"]/);
  });

  it('imports no .ts file from the compiled code', () => {
    const files = readdirSync(join(PROJECT_ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(100);
    const tsImports = files.flatMap((f) => [...readFileSync(join(PROJECT_ROOT, 'dist', f), 'utf8').matchAll(/(?:from\s+|import\()\s*["'](\.[^"']+\.ts)["']/g)].map((m) => `${f}: ${m[1]}`));
    expect(tsImports).toEqual([]);
  });

  it('packs the compiled CLI, its templates, the bundled sources and the JSON Schemas — not the TypeScript or the tests', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['bin/briefing.mjs', 'dist/pipeline/cli.js', 'dist/schemas/briefing.js', 'templates/pdf/pack.css', 'sources/r6/briefing.txt', 'sources/r6/checks.yaml', 'schemas/briefing.schema.json']));
    expect(files.filter((f) => f.endsWith('.ts') || f.startsWith('test/') || f.startsWith('pipeline/') || f.includes('tsbuildinfo'))).toEqual([]);
  });

  it('says how to build it when dist/ is missing, with exit code 2', () => {
    const dir = tempDir('bare-bin');
    cpSync(join(PROJECT_ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    const run = spawnSync(process.execPath, [join(dir, 'bin', 'briefing.mjs'), '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^briefing: the CLI is not built yet: run `npm run build`/);
  });
});
