import { z } from 'zod';
import { Block, SlideTitle } from './content.ts';
import { Provenance } from './provenance.ts';
import {
  Breakdown,
  Budget,
  DateMention,
  FiscalMeasure,
  Place,
  Quantity,
  Rate,
  Series,
  ShareFigure,
  ShareGroup,
  TableRow,
} from './figures.ts';

/** A Japanese phone number as the contact list prints it: 03-5253-5394. */
export const PHONE_PATTERN = /^0\d{1,4}-\d{1,4}-\d{3,4}$/;
export const Phone = z.string().regex(PHONE_PATTERN).describe('a Japanese phone number, e.g. 03-5253-5394');

export const Department = z.object({
  name: z.string().min(1).describe('担当課室'),
  people: z.array(z.string().min(1)).describe('担当者, in the order printed'),
  phones: z.array(Phone).describe('電話番号 of this department'),
});

export const SlidePhone = z.object({
  phone: Phone,
  office: z.string().nullable().describe('the office the slide gives the number for ("内閣府 成果連動型事業推進室"), when it names one'),
  slide: z.number().int().positive(),
  at: Provenance,
});

export const Program = z
  .object({
    no: z.string().regex(/^\d+(-[①-⑳])?$/).describe('number as in the contact list: "1" … "20", "21-①" … (changes between editions)'),
    id: z.string().nullable().describe('stable id from the manifest (matched by name), the same in every edition; null for a program the manifest does not list yet'),
    slug: z.string().nullable().describe('ASCII file-name stem of its documents, from the manifest'),
    order: z.number().int().positive().describe('position in the contact list'),
    name: z.string().min(1).describe('施策名, spacing removed'),
    departments: z.array(Department).min(1),
    people: z.array(z.string()).describe('all 担当者 of the row'),
    phones: z.array(Phone).describe('all phones printed in the contact row (may be empty)'),
    slidePhones: z.array(SlidePhone).describe('phone numbers printed on the program slides themselves'),
    slides: z.array(z.number().int().positive()).describe('slides assigned to this program'),
    at: Provenance,
  })
  .describe('A program (施策) as listed in the closing contact list, with its contacts');
export type Program = z.infer<typeof Program>;

export const AssignmentRule = z.enum(['title', 'alias', 'body', 'continuation', 'contact-list']);
export type AssignmentRule = z.infer<typeof AssignmentRule>;

export const Slide = z
  .object({
    index: z.number().int().positive().describe('1-based position; equals the printed page number'),
    printedPage: z.number().int().positive().nullable().describe('page number printed on the slide, where the text kept it'),
    title: z.string().describe('the line that titles the slide, as printed (normalized)'),
    titleAt: SlideTitle.shape.at,
    program: z.string().nullable(),
    assignment: z.object({ rule: AssignmentRule, detail: z.string() }),
    startLine: z.number().int().positive(),
    endLine: z.number().int().positive(),
    blocks: z.array(Block).describe('what the slide says, in reading order (every line of it in one block)'),
  })
  .describe('One printed slide (page) of the briefing');
export type Slide = z.infer<typeof Slide>;

export const SheetRow = z.object({
  yearLabel: z.string(),
  fiscalYear: z.number().int(),
  values: z.array(z.object({ printed: z.string(), value: z.number().nullable(), at: Provenance })),
});

export const SheetCopy = z.object({
  label: z.string().describe('the label of the copy: 加工用 (2), 加工用, 元データ, 原本'),
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
  rows: z.array(SheetRow),
  counts: z.array(
    z.object({ note: z.string(), label: z.string(), value: z.number(), at: Provenance }),
  ).describe('footnote counts such as 公表済み 1,600団体'),
});

export const EmbeddedSheet = z
  .object({
    id: z.string(),
    slide: z.number().int().positive(),
    program: z.string().nullable(),
    block: z.string().nullable().describe('the table block that shows the sheet'),
    canonical: z.string().describe('label of the copy whose figures are used'),
    copies: z.array(SheetCopy).min(1),
  })
  .describe('A spreadsheet embedded in the deck and dumped several times by the extraction: one table, several copies');
export type EmbeddedSheet = z.infer<typeof EmbeddedSheet>;

export const ParseNote = z.object({
  ruleId: z.string(),
  severity: z.enum(['info', 'warning']),
  reason: z.string(),
  at: Provenance.nullable(),
});

export const Briefing = z
  .object({
    schemaVersion: z.literal(1),
    edition: z.string(),
    title: z.string(),
    fiscalYear: z.number().int(),
    era: z.object({ name: z.string(), year: z.number().int() }),
    source: z.object({
      file: z.string().describe('the source path as given'),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      format: z.enum(['text', 'pdf']),
      encoding: z.string().describe('detected encoding of a text source (utf-8, utf-8-bom, utf-16le, utf-16be, shift_jis)'),
      lines: z.number().int().nonnegative(),
    }),
    programs: z.array(Program),
    slides: z.array(Slide),
    budgets: z.array(Budget),
    measures: z.array(FiscalMeasure),
    rates: z.array(Rate),
    shares: z.array(ShareFigure),
    shareGroups: z.array(ShareGroup),
    series: z.array(Series),
    breakdowns: z.array(Breakdown),
    quantities: z.array(Quantity),
    tableRows: z.array(TableRow),
    dates: z.array(DateMention),
    places: z.array(Place),
    sheets: z.array(EmbeddedSheet),
    notes: z.array(ParseNote).describe('what the parser decided and reports (slide assignments, page checks)'),
  })
  .describe('A parsed briefing: every figure with its provenance');
export type Briefing = z.infer<typeof Briefing>;
