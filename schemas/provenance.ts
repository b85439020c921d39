import { z } from 'zod';

/** Where a value came from in the original source file (1-based line and column). */
export const Provenance = z
  .object({
    line: z.number().int().positive().describe('1-based line in the original source file'),
    column: z.number().int().positive().describe('1-based column (UTF-16 code unit) in the original line'),
    endLine: z.number().int().positive(),
    endColumn: z.number().int().positive().describe('column just after the last character'),
    raw: z.string().describe('the original text, exactly as in the source file'),
    page: z.number().int().positive().optional().describe('PDF page, when the source is a PDF'),
    box: z
      .object({
        x: z.number().describe('left edge, in points from the left of the page'),
        y: z.number().describe('top edge, in points from the top of the page'),
        width: z.number().nonnegative(),
        height: z.number().nonnegative(),
      })
      .optional()
      .describe('where on the PDF page the text stands (points, origin at the top left), when the source is a PDF'),
  })
  .describe('Provenance of a figure: its location and raw text in the original source');
export type Provenance = z.infer<typeof Provenance>;
