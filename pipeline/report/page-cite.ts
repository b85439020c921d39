import type { Provenance } from '../../schemas/provenance.ts';

/**
 * How a finding names its place for a reader of the source. In a PDF the lines and columns are
 * those of the text rebuilt from its pages, which no viewer shows: the page is the place
 * ("page 12: …"), and the line is left out. In a text file, the line and column.
 */
export function pageOf(at: Provenance | null | undefined): number | null {
  return at?.page ?? null;
}

/** "page 12: " before a message about a PDF page; nothing for a text source. */
export function pagePrefix(at: Provenance | null | undefined): string {
  const page = pageOf(at);
  return page === null ? '' : `page ${page}: `;
}

/** A source line to point an editor at: none in a PDF (its page says where). */
export function lineAt(at: Provenance | null | undefined): Provenance | null {
  return at && pageOf(at) === null ? at : null;
}
