import { dirname, resolve } from 'node:path';
import { Manifest } from '../schemas/manifest.ts';
import { InputError } from './lib/errors.ts';
import { lineColumn, parseYamlFile, readYamlText } from './lib/yaml-file.ts';

export interface LoadedManifest {
  manifest: Manifest;
  path: string;
  sourcePath: string;
}

/** Read, parse and check a manifest; every problem comes back as a located InputError. */
export async function loadManifest(path: string): Promise<LoadedManifest> {
  const text = await readYamlText(path, { noun: 'manifest', ruleId: 'manifest-read' });
  const doc = parseYamlFile(text, path, 'manifest-yaml');
  const parsed = Manifest.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number] } | undefined;
    const { line, column } = node?.range ? lineColumn(text, node.range[0]) : { line: null, column: null };
    throw new InputError(`${issue.path.join('.') || '(root)'}: ${issue.message}`, { file: path, ruleId: 'manifest-schema', line, column });
  }
  return { manifest: parsed.data, path, sourcePath: resolve(dirname(path), parsed.data.source.file) };
}
