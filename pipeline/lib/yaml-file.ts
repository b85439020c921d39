import { parseDocument, type Document } from 'yaml';
import { InputError } from './errors.ts';
import { MAX_YAML_BYTES, readBounded } from './read-bounded.ts';

/** The text of a YAML file written by people (manifest, checks): a regular file within MAX_YAML_BYTES. */
export async function readYamlText(path: string, what: { noun: string; ruleId: string }): Promise<string> {
  return (await readBounded(path, MAX_YAML_BYTES, what)).toString('utf8');
}

/** 1-based line and column of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parse a YAML file written by people; a syntax error is an InputError at its place. */
export function parseYamlFile(text: string, path: string, ruleId: string): Document {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    // prettyErrors off leaves linePos empty: compute the place from the offset.
    const { line, column } = lineColumn(text, err.pos[0]);
    throw new InputError(`YAML syntax: ${err.message.split('\n')[0]}`, { file: path, ruleId, line, column });
  }
  return doc;
}
