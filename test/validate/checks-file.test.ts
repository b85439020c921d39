import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/lib/errors.ts';
import { parseChecks } from '../../pipeline/validate/checks-file.ts';
import { R6_CHECKS, validateText } from '../helpers/validate.ts';

async function refusal(fn: () => unknown): Promise<InputError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('hand-edited checks files', () => {
  it('a YAML syntax error is located', async () => {
    const err = await refusal(() => parseChecks('version: 1\nchecks:\n  - id: a\n    statement: [unclosed\n', 'checks.yaml'));
    expect(err.ruleId).toBe('checks-yaml');
    expect(err.line).toBeGreaterThanOrEqual(4);
  });

  it('an unknown relation is located at the check', async () => {
    const text = 'version: 1\nchecks:\n  - id: jet\n    statement: x\n    relation: product\n    total: { constant: a }\n';
    const err = await refusal(() => parseChecks(text, 'checks.yaml'));
    expect(err.format()).toMatch(/^checks\.yaml:5:\d+: error: check "jet" \(checks\.0\.relation\): .*\[checks-schema\]$/);
  });

  it('a selector with a misspelt key is refused', async () => {
    const text = 'version: 1\nchecks:\n  - id: jet\n    statement: x\n    relation: equal\n    values:\n      - { quantity: { program: "19", unti: 人 } }\n      - { constant: a }\n';
    const err = await refusal(() => parseChecks(text, 'checks.yaml'));
    expect(err.ruleId).toBe('checks-schema');
    expect(err.line).toBe(7);
  });

  it('a figure that does not exist in the briefing is located in the checks file', async () => {
    const text = R6_CHECKS.replace('{ quantity: { program: jet, line: ALT（外国語指導助手）について, unit: 人 } }', '{ quantity: { program: jet, line: ALT（外国語助手）について, unit: 人 } }');
    const err = await refusal(() => validateText(undefined, text));
    expect(err.ruleId).toBe('checks-unknown-figure');
    expect(err.message).toContain('check "jet-alt-repeated"');
    expect(err.message).toContain('matches no figure of the briefing');
    const line = text.split('\n').findIndex((l) => l.includes('外国語助手')) + 1;
    expect(err.line).toBe(line);
  });

  it('a duplicated id is refused', async () => {
    const text = R6_CHECKS.replace('id: jet-cir-repeated', 'id: jet-alt-repeated');
    const err = await refusal(() => parseChecks(text, 'checks.yaml'));
    expect(err.message).toBe('check id "jet-alt-repeated" is used twice');
  });

  it('an acknowledgement that no longer matches anything is reported, not silently kept', async () => {
    const text = R6_CHECKS.replace('printed: R30.11.2', 'printed: R31.11.2');
    const report = await validateText(undefined, text);
    expect(report.findings.find((f) => f.ruleId === 'checks-stale-acknowledgement')).toMatchObject({ severity: 'warning' });
    expect(report.findings.find((f) => f.ruleId === 'date-plausible')).toMatchObject({ severity: 'error' });
  });
});
