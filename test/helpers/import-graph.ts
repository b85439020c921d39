import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { PROJECT_ROOT } from '../../pipeline/lib/paths.ts';

/** One import of the pipeline's code: from a module to a module, both relative to the project. */
export interface ImportEdge {
  from: string;
  to: string;
}

/** Every .ts file under a folder of the project, relative to the project. */
export function sourceFiles(folder: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(PROJECT_ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  return walk(folder).sort();
}

/** The relative imports of the pipeline (static, re-exports and dynamic import()), read with the TypeScript parser. */
export function importEdges(folder = 'pipeline'): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(folder)) {
    const source = ts.createSourceFile(file, readFileSync(join(PROJECT_ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const add = (spec: string) => {
      if (spec.startsWith('.')) edges.push({ from: file, to: normalize(join(dirname(file), spec)) });
    };
    const visit = (node: ts.Node) => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) add(node.moduleSpecifier.text);
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) add(node.arguments[0].text);
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) add(node.argument.literal.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return edges;
}

/**
 * The layers of the pipeline, lowest first: a module may import its own folder and lower layers
 * only. Two folders of one layer (the renderers and the report; diff and views) never
 * import each other; nothing but the CLI imports `commands/`; a renderer is used from outside
 * through its entry (`render-pdf/index.ts`) only.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['lib', 'units'],
  ['parse', 'manifest', 'build'],
  ['source', 'checks'],
  ['validate', 'diff', 'views'],
  ['render-markdown', 'render-excel', 'render-pdf', 'render-delivery', 'report'],
  ['commands'],
  ['cli'],
];

/** The top folder of a pipeline module ("render-pdf"), or its name for a file at the top ("cli" for cli.ts). */
export function areaOf(path: string): string {
  const inside = relative('pipeline', path);
  return inside.includes('/') ? inside.split('/')[0]! : inside.replace(/\.ts$/, '');
}

/** Imports that break the layering, each with why. */
export function layerViolations(edges: readonly ImportEdge[]): string[] {
  const rank = new Map(LAYERS.flatMap((areas, i) => areas.map((a) => [a, i] as const)));
  const out: string[] = [];
  for (const { from, to } of edges) {
    if (!to.startsWith('pipeline/')) continue;
    const a = areaOf(from);
    const b = areaOf(to);
    if (a === b) continue;
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra === undefined || rb === undefined) out.push(`${from} → ${to}: ${ra === undefined ? a : b} is in no layer`);
    else if (ra === rb) out.push(`${from} → ${to}: ${a} and ${b} are of one layer and never import each other`);
    else if (rb > ra) out.push(`${from} → ${to}: ${a} may not import ${b}, a later stage`);
    else if (b.startsWith('render-') && !to.endsWith(`${b}/index.ts`)) out.push(`${from} → ${to}: a renderer is used through its entry, ${b}/index.ts`);
  }
  return out;
}

/** Modules over `maxLines` lines and functions over `maxFunction` lines, with their places. */
export function oversized(files: readonly string[], maxLines: number, maxFunction: number): string[] {
  const out: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines >= maxLines) out.push(`${file}: ${lines} lines`);
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
        const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (last - first + 1 >= maxFunction) out.push(`${file}:${first + 1}: a function of ${last - first + 1} lines`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
