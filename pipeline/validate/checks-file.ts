import type { Document } from 'yaml';
import { Check, ChecksFile, FigureSelector } from '../../schemas/checks.ts';
import { InputError } from '../lib/errors.ts';
import { lineColumn, parseYamlFile, readYamlText } from '../lib/yaml-file.ts';
import { placeholders } from './statement.ts';

/** Fields of a check that are no figures, so no placeholder of its statement. */
const NOT_FIGURES = new Set(['id', 'statement', 'relation', 'acknowledged', 'order', 'rounding', 'factors', 'counting', 'unit', 'bound', 'terms', 'rows', 'empty', 'tolerance']);

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
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys?.[0] : undefined;
    // a misspelt key is shown where it stands
    const place = closestPlace(locate, unknownKey ? [...path_, unknownKey] : path_);
    const allowed = unknownKey ? allowedKeys(path_, doc.toJS()) : [];
    const hint = allowed.length ? `; allowed here: ${allowed.join(', ')}` : '';
    throw new InputError(`${describePath(doc, path_)}: ${issue.message}${hint}`, { file: path, ruleId: 'checks-schema', line: place?.line, column: place?.column });
  }
  parsed.data.checks.forEach((c, i) => {
    const refuse = (field: string, reason: string) => {
      const place = locate(['checks', i, field]) ?? locate(['checks', i]);
      throw new InputError(`check "${c.id}": ${reason}`, { file: path, ruleId: 'checks-schema', line: place?.line, column: place?.column });
    };
    // checks that would hold whatever the figures: refused, not run
    if (c.relation === 'multiplier' && c.factors.length === 0 && !c.by?.length && !c.per?.length) refuse('relation', 'a multiplier needs factors, by or per (without them it only says value = base)');
    if (c.relation === 'span' && c.unit === 'months' && c.counting !== 'elapsed') refuse('unit', 'unit: months counts elapsed time: add counting: elapsed');
    // a statement's placeholders name the check's figure fields
    const fields = Object.entries(c).filter(([k, v]) => !NOT_FIGURES.has(k) && typeof v === 'object' && v !== null);
    for (const p of placeholders(c.statement)) {
      const field = fields.find(([k]) => k === p.field);
      const named = fields.map(([k, v]) => (Array.isArray(v) ? `{${k}}, {${k}.0}…{${k}.${v.length - 1}}` : `{${k}}`)).join(', ');
      if (!field) refuse('statement', `the statement's {${p.field}${p.index === null ? '' : `.${p.index}`}} names no figure of the check: use ${named || 'no placeholder (this check names no figures)'}`);
      else if (p.index !== null && !(Array.isArray(field[1]) && p.index < field[1].length)) refuse('statement', `the statement's {${p.field}.${p.index}} names no entry of ${p.field}: use ${named}`);
    }
  });
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

type Shaped = { shape: Record<string, unknown> };
/** The keys of every selector kind and of every relation's check, from the zod schemas. */
const SELECTOR_KEYS = new Map(
  (FigureSelector.options as readonly Shaped[]).flatMap((option) => Object.entries(option.shape).map(([kind, spec]) => [kind, Object.keys((spec as Partial<Shaped>).shape ?? {})] as const)),
);
/** The keys of a row-sum's rows, from its schema. */
const ROW_KEYS = ((Check.options as readonly Shaped[]).find((o) => (o.shape.relation as { value: unknown }).value === 'row-sum')!.shape.rows as Shaped).shape;
const CHECK_KEYS = new Map((Check.options as readonly Shaped[]).map((option) => [String((option.shape.relation as { value: unknown }).value), Object.keys(option.shape)] as const));

/** The keys a misspelt key could have been: those of its selector kind, its check's relation, or the file's top level. */
function allowedKeys(path: (string | number)[], data: unknown): string[] {
  const last = path.at(-1);
  if (typeof last === 'string' && SELECTOR_KEYS.has(last)) return SELECTOR_KEYS.get(last)!;
  if (path.length === 2 && path[0] === 'checks' && typeof path[1] === 'number') {
    const relation = (data as { checks?: { relation?: unknown }[] }).checks?.[path[1]]?.relation;
    return CHECK_KEYS.get(String(relation)) ?? [];
  }
  if (path.length === 0) return Object.keys(ChecksFile.shape);
  if (last === 'rows') return Object.keys(ROW_KEYS);
  return [];
}

/** A union failure nests the useful message: take the deepest one. */
function deepestIssue(issues: readonly { path: PropertyKey[]; message: string; code?: string; errors?: unknown }[]): { path: PropertyKey[]; message: string; code?: string; keys?: string[] } {
  const first = issues[0]!;
  const nested = (first as { errors?: { path: PropertyKey[]; message: string }[][] }).errors;
  if (first.code === 'invalid_union' && nested?.length) {
    const best = nested.map((list) => list[0]).filter(Boolean).sort((a, b) => b!.path.length - a!.path.length)[0];
    if (best) return { path: [...first.path, ...best.path], message: best.message, code: (best as { code?: string }).code, keys: (best as { keys?: string[] }).keys };
  }
  return first;
}

function describePath(doc: Document, path: (string | number)[]): string {
  const id = typeof path[1] === 'number' ? (doc.getIn(['checks', path[1], 'id']) as string | undefined) : undefined;
  const where = path.join('.') || '(root)';
  return id && path[0] === 'checks' ? `check "${id}" (${where})` : where;
}

