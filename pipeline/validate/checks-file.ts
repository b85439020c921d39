import type { Document } from 'yaml';
import { ChecksFile } from '../../schemas/checks.ts';
import { InputError } from '../lib/errors.ts';
import { lineColumn, parseYamlFile, readYamlText } from '../lib/yaml-file.ts';

export interface LoadedChecks {
  path: string;
  /** the file as read, for reports that show its lines */
  text: string;
  checks: ChecksFile;
  /** line and column of a node of the file, by its path (["checks", 3, "total"]) */
  locate(path: (string | number)[]): { line: number; column: number } | null;
}

/** Read a checks file written by people: YAML syntax, then shape, each error with its place. */
export async function loadChecks(path: string): Promise<LoadedChecks> {
  const text = await readYamlText(path, { noun: 'checks file', ruleId: 'checks-read' });
  return parseChecks(text, path);
}

export function parseChecks(text: string, path: string): LoadedChecks {
  const doc = parseYamlFile(text, path, 'checks-yaml');
  const locate = (p: (string | number)[]) => nodePlace(doc, text, p);
  const parsed = ChecksFile.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = deepestIssue(parsed.error.issues);
    const path_ = issue.path as (string | number)[];
    const place = closestPlace(locate, path_);
    throw new InputError(`${describePath(doc, path_)}: ${issue.message}`, { file: path, ruleId: 'checks-schema', line: place?.line, column: place?.column });
  }
  const ids = new Map<string, number>();
  parsed.data.checks.forEach((c, i) => {
    if (ids.has(c.id)) {
      const place = locate(['checks', i, 'id']);
      throw new InputError(`check id "${c.id}" is used twice`, { file: path, ruleId: 'checks-duplicate-id', line: place?.line, column: place?.column });
    }
    ids.set(c.id, i);
  });
  return { path, text, checks: parsed.data, locate };
}

function nodePlace(doc: Document, text: string, path: (string | number)[]): { line: number; column: number } | null {
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) return null;
  return lineColumn(text, node.range[0]);
}

function closestPlace(locate: LoadedChecks['locate'], path: (string | number)[]) {
  for (let n = path.length; n >= 0; n--) {
    const place = locate(path.slice(0, n));
    if (place) return place;
  }
  return null;
}

/** A union failure nests the useful message: take the deepest one. */
function deepestIssue(issues: readonly { path: PropertyKey[]; message: string; code?: string; errors?: unknown }[]): { path: PropertyKey[]; message: string } {
  const first = issues[0]!;
  const nested = (first as { errors?: { path: PropertyKey[]; message: string }[][] }).errors;
  if (first.code === 'invalid_union' && nested?.length) {
    const best = nested.map((list) => list[0]).filter(Boolean).sort((a, b) => b!.path.length - a!.path.length)[0];
    if (best) return { path: [...first.path, ...best.path], message: best.message };
  }
  return first;
}

function describePath(doc: Document, path: (string | number)[]): string {
  const id = typeof path[1] === 'number' ? (doc.getIn(['checks', path[1], 'id']) as string | undefined) : undefined;
  const where = path.join('.') || '(root)';
  return id && path[0] === 'checks' ? `check "${id}" (${where})` : where;
}

