import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { JSON_SCHEMAS, renderJsonSchema } from '../pipeline/lib/json-schema.ts';
import { PROJECT_ROOT } from '../pipeline/source.ts';
import { parseR6 } from './helpers/r6.ts';

describe('JSON Schema files generated from the zod schemas', () => {
  it.each(Object.keys(JSON_SCHEMAS))('schemas/%s is up to date (run "npm run schemas" after changing a schema)', (name) => {
    expect(readFileSync(join(PROJECT_ROOT, 'schemas', name), 'utf8')).toBe(renderJsonSchema(name));
  });

  it('validates the parsed R6 briefing', async () => {
    const { briefing } = await parseR6();
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas', 'briefing.schema.json'), 'utf8')));
    const ok = validate(JSON.parse(JSON.stringify(briefing)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects a briefing with a malformed phone number', async () => {
    const { briefing } = await parseR6();
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas', 'briefing.schema.json'), 'utf8')));
    const broken = JSON.parse(JSON.stringify(briefing));
    broken.programs[0].phones[0] = '03-5253-539X';
    expect(validate(broken)).toBe(false);
  });

  it('checks.schema.json is small (selectors defined once) and describes every property, and accepts the R6 checks', () => {
    const text = readFileSync(join(PROJECT_ROOT, 'schemas', 'checks.schema.json'), 'utf8');
    expect(text.split('\n').length).toBeLessThan(1500);
    const schema = JSON.parse(text) as { $defs: Record<string, { description?: string }> };
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['FigureSelector', 'Check']));
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      for (const [key, value] of Object.entries((n.properties ?? {}) as Record<string, { description?: string; $ref?: string }>)) {
        const described = value.description ?? (value.$ref ? schema.$defs[value.$ref.split('/').pop()!]?.description : undefined);
        if (!described) undescribed.push(`${path}.${key}`);
      }
      for (const [key, value] of Object.entries(n)) walk(value, `${path}/${key}`);
    };
    walk(schema, '');
    expect(undescribed).toEqual([]);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const checks = YAML.parse(readFileSync(join(PROJECT_ROOT, 'sources', 'r6', 'checks.yaml'), 'utf8'));
    expect(validate(checks), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    checks.checks[1].values[0].cap.compnent = '報償費等'; // a typo of component
    expect(validate(checks)).toBe(false);
  });
});
