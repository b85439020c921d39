import type { Provenance } from '../../schemas/provenance.ts';

/** A provenance as a vfile place (start–end range), for located messages. */
export function vfilePlace(at: Provenance) {
  return { start: { line: at.line, column: at.column }, end: { line: at.endLine, column: at.endColumn } };
}
