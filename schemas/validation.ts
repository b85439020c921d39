import { z } from 'zod';
import { Provenance } from './provenance.ts';

export const Severity = z.enum(['error', 'warning', 'info']);

/** One figure taking part in a check, as shown in reports and packs. */
export const CheckedFigure = z.object({
  role: z.string().describe('its part in the relation: total, part, numerator, base, value …'),
  label: z.string(),
  value: z.number(),
  printed: z.string(),
  program: z.string().nullable(),
  at: Provenance,
});

/** A located finding: the vfile-message of this project. */
export const Finding = z
  .object({
    ruleId: z.string().describe('the rule that found it: schema, a generic rule, or the relation of a declared check'),
    checkId: z.string().nullable().describe('id of the declared check in checks.yaml, when it came from one'),
    severity: Severity,
    message: z.string(),
    expected: z.string().nullable(),
    actual: z.string().nullable(),
    note: z.string().nullable().describe('the reason of an acknowledgement, or a hint'),
    programs: z.array(z.string()),
    file: z.string().describe('the file the location refers to (the source, or the checks file)'),
    at: Provenance.nullable(),
    related: z.array(Provenance).describe('the other figures involved'),
    breaks: z
      .array(
        z.object({
          ruleId: z.string(),
          checkId: z.string().nullable(),
          message: z.string(),
          expected: z.string().nullable(),
          actual: z.string().nullable(),
          at: Provenance.nullable().describe('the figure that check blames (this finding\'s, or one it involves)'),
          related: z.array(Provenance),
        }),
      )
      .default([])
      .describe('the other checks the same figure breaks, each as it would have been reported alone: one wrong figure is one finding'),
  })
  .describe('A finding of the validation, pointing at the source');
export type Finding = z.infer<typeof Finding>;

export const CheckOutcome = z
  .object({
    id: z.string(),
    statement: z.string().describe('the check in plain language, from checks.yaml'),
    relation: z.string(),
    status: z.enum(['pass', 'fail', 'acknowledged']),
    programs: z.array(z.string()),
    figures: z.array(CheckedFigure),
    detail: z.string().describe('what was computed, e.g. "5,355 + 468 + 8 = 5,831"'),
  })
  .describe('The outcome of one declared or generic check');
export type CheckOutcome = z.infer<typeof CheckOutcome>;

export const ValidationReport = z
  .object({
    schemaVersion: z.literal(1),
    edition: z.string(),
    source: z.object({ file: z.string(), sha256: z.string() }),
    checksFile: z.string().nullable(),
    summary: z.object({
      errors: z.number().int().nonnegative(),
      warnings: z.number().int().nonnegative(),
      checksPassed: z.number().int().nonnegative(),
      checksFailed: z.number().int().nonnegative(),
      acknowledged: z.number().int().nonnegative(),
    }),
    checks: z.array(CheckOutcome),
    findings: z.array(Finding),
  })
  .describe('The result of validating a parsed briefing');
export type ValidationReport = z.infer<typeof ValidationReport>;
