import type { ParseInput } from '../parse/index.ts';
import { normalizedLines } from '../parse/normalize.ts';
import { Span } from '../parse/span.ts';
import type { Provenance } from '../../schemas/provenance.ts';

/** The lines of a source as the checks read them, by 1-based line number. */
export interface SourceLines {
  /** the normalized text, as selectors match it */
  lineText(line: number): string;
  /** the line as the source has it (what a provenance quotes) */
  rawLine(line: number): string;
  /** the PDF page of the line, when the source is a PDF */
  pageOf(line: number): number | undefined;
  /** provenance of columns [start, end) of the normalized line: raw columns, and page and box in a PDF */
  locate(line: number, start: number, end: number): Provenance;
}

/** One reading of a source's lines for validation, the figure catalog and `init`. */
export function sourceLines(input: Pick<ParseInput, 'text' | 'pages' | 'boxes'>): SourceLines {
  const lines = normalizedLines(input.text, input.pages, input.boxes);
  const raw = input.text.split('\n');
  return {
    lineText: (n) => lines[n - 1]?.text ?? '',
    rawLine: (n) => raw[n - 1] ?? '',
    pageOf: (n) => input.pages?.[n - 1],
    locate: (n, start, end) => {
      const prov = new Span([lines[n - 1]!]).locate(start, end);
      return { ...prov, line: n, endLine: n };
    },
  };
}
