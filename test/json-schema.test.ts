import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
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
});
