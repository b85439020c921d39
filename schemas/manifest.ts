import { z } from 'zod';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A program of the briefing under a stable id: the contact list renumbers programs between
 * editions (a program removed before it, one added), the id stays. Checks name programs by id.
 */
export const ManifestProgram = z
  .strictObject({
    id: z.string().regex(SLUG).describe('stable id used by checks, aliases and the diff, e.g. kyoryokutai (lowercase ASCII words joined by -)'),
    name: z.string().min(1).describe('施策名 exactly as the contact list prints it (spacing removed)'),
    formerly: z.array(z.string().min(1)).optional().describe('names the program had in earlier editions, so that a renamed program keeps its id'),
    slug: z.string().regex(SLUG).optional().describe('ASCII file-name stem of its documents, e.g. chiiki-okoshi-kyoryokutai; without it the files are named program-NN'),
    aliases: z
      .strictObject({
        phrases: z.array(z.string().min(1)).min(1).describe('phrases that identify this program in slide titles'),
        reason: z.string().min(1).describe('why the alias is needed'),
      })
      .optional()
      .describe('slide titles that name the program by something other than its contact-list name'),
  })
  .describe('one program of the contact list, under a stable id');
export type ManifestProgram = z.infer<typeof ManifestProgram>;

/** Spreadsheets the extraction dumped into the text (a sheet per copy), and the counts their notes print. */
export const SheetVocabulary = z
  .strictObject({
    copyLabels: z
      .array(z.string().min(1))
      .default(['加工用', '元データ', '原本'])
      .describe('labels that start a copy of a dumped spreadsheet, alone on their line; a label may carry a number (加工用 (2)); Sheet1 … always does'),
    counts: z
      .array(z.strictObject({ label: z.string().min(1), also: z.array(z.string().min(1)).optional().describe('other spellings of the same label (一部公表済み for 一部公表)') }))
      .default([{ label: '公表済み' }, { label: '一部公表', also: ['一部公表済み'] }, { label: '未公表' }])
      .describe('the labels of counts a sheet note prints (「公表済み 1,600団体」), read as figures of the sheet'),
    countUnit: z.string().min(1).default('団体').describe('the counter after the counts'),
  })
  .describe('the vocabulary of dumped spreadsheets');
export type SheetVocabulary = z.infer<typeof SheetVocabulary>;

export const NotPageStart = z.object({
  text: z.string().min(1).describe('normalized text of a line that looks like a page start but is not'),
  reason: z.string().min(1),
});

/** The manifest that sits next to every bundled briefing (sources/<edition>/manifest.yaml). */
export const Manifest = z
  .object({
    edition: z.string().regex(/^[a-z][0-9a-z-]*$/).describe('short edition id, e.g. r6'),
    title: z.string().min(1),
    publisher: z.string().min(1),
    fiscalYear: z.number().int().min(1989).max(2100).describe('Western fiscal year (April–March), e.g. 2024'),
    era: z.object({ name: z.enum(['令和', '平成']), year: z.number().int().positive() }),
    source: z.object({
      file: z.string().min(1).describe('path of the source, relative to the manifest'),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .nullable()
        .describe('checksum of the source; null until the source is added (briefing init)'),
    }),
    generatedAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .describe('fixed date stamped on generated documents, so reruns are byte-stable'),
    previous: z
      .string()
      .regex(/^[a-z][0-9a-z-]*$/)
      .optional()
      .describe('the edition before this one (e.g. r6): what changed since it goes into the outputs (前年度からの主な変更点 in the packs and documents, the workbook\'s 変更点 sheet); set by briefing init'),
    inquiries: z
      .strictObject({
        department: z.string().min(1).describe('the office, as a letter names it: 総務省 地域力創造グループ 地域政策課'),
        phone: z.string().regex(/^0\d{1,4}-\d{1,4}-\d{3,4}$/).describe('its phone number, 03-5253-5523'),
      })
      .optional()
      .describe('who answers questions about the packs as a whole: the cover letter (送付状) of each delivery names it; without it, the letter points to the contact list only'),
    programs: z
      .array(ManifestProgram)
      .default([])
      .superRefine((list, ctx) => {
        const seen = new Map<string, number>();
        list.forEach((p, i) => {
          for (const [key, value] of [['id', p.id], ['slug', p.slug]] as const) {
            if (value === undefined) continue;
            const k = `${key}:${value}`;
            if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i, key], message: `${key} "${value}" is used twice (also by entry ${seen.get(k)! + 1})` });
            else seen.set(k, i);
          }
        });
      })
      .describe('the programs under stable ids, matched to the contact list by name'),
    notPageStarts: z.array(NotPageStart).default([]),
    sheets: SheetVocabulary.prefault({}),
  })
  .describe('Manifest of one briefing edition');
export type Manifest = z.infer<typeof Manifest>;
