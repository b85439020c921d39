import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';

const require = createRequire(import.meta.url);
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// A CommonJS module whose default export is the class: reach it the same way under tsc and at run time.
const Ajv4 = ((AjvDraft04 as unknown as { default?: typeof AjvDraft04 }).default ?? AjvDraft04) as unknown as typeof AjvDraft04.default;

/** A validator of SARIF 2.1.0 documents (the schema is draft-04): call it, then read its .errors. */
export function sarifValidator() {
  return new Ajv4({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(SARIF_SCHEMA);
}
