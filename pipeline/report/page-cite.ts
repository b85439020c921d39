import type { Provenance } from '../../schemas/provenance.ts';

/**
 * How a finding names its place for a reader of the source. In a PDF the lines and columns are
 * those of the text rebuilt from its pages, which no viewer shows: the page is the place
 * ("page 12: …"), and the line is left out. In a text file, the line and column.
 */
export function pageOf(at: Provenance | null | undefined): number | null {
  return at?.page ?? null;
}

/**
 * "page 12 (x 120, y 340 pt): " before a message about a PDF page — where on the page the figure
 * stands, in points from the top left corner; nothing for a text source.
 */
export function pagePrefix(at: Provenance | null | undefined): string {
  const page = pageOf(at);
  if (page === null) return '';
  return at?.box ? `page ${page} (x ${Math.round(at.box.x)}, y ${Math.round(at.box.y)} pt): ` : `page ${page}: `;
}

/** A source line to point an editor at: none in a PDF (its page says where). */
export function lineAt(at: Provenance | null | undefined): Provenance | null {
  return at && pageOf(at) === null ? at : null;
}

/** " (page 12, x 120, y 340 pt)" after a place in the rebuilt text of a PDF; nothing for a text source. */
export function pageSuffix(at: Provenance | null | undefined): string {
  const page = pageOf(at);
  if (page === null) return '';
  return at?.box ? ` (page ${page}, x ${Math.round(at.box.x)}, y ${Math.round(at.box.y)} pt)` : ` (page ${page})`;
}
