import { sha256 } from '../lib/checksums.ts';
import type { VFile } from 'vfile';
import type { Briefing, Program } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { Provenance } from '../../schemas/provenance.ts';
import { aliasesByNumber, identifyPrograms } from './program-ids.ts';
import { assignSlides } from './assign.ts';
import { withContent } from './content/link.ts';
import { InputError } from '../lib/errors.ts';
import { extractBreakdowns } from './extract/breakdowns.ts';
import { extractBudgets } from './extract/budgets.ts';
import { CONTACT_LIST_HEADER, extractContacts } from './extract/contacts.ts';
import { slideContexts } from './extract/context.ts';
import { extractDates } from './extract/dates.ts';
import { extractMeasures } from './extract/measures.ts';
import { extractSlidePhones } from './extract/phones.ts';
import { extractPlaces } from './extract/places.ts';
import { extractQuantities } from './extract/quantities.ts';
import { extractRates, extractShareGroups, extractShares } from './extract/rates.ts';
import { extractSeries } from './extract/series.ts';
import { extractSheets } from './extract/sheets.ts';
import { extractTableRows } from './extract/tables.ts';
import { normalizedLines, type NormalizedLine, compact } from './normalize.ts';
import { segmentSlides } from './segment.ts';
import { Span } from './span.ts';
import type { LinePlace } from './pdf/page-items.ts';
import { reportNote } from './notes.ts';

export interface ParseInput {
  /** decoded text of the source (for a PDF: the text rebuilt from its pages) */
  text: string;
  /** PDF page of every line, when the source is a PDF */
  pages?: number[];
  /** where every line stands on its PDF page (null for a blank line), when the source is a PDF */
  boxes?: readonly (LinePlace | null)[];
  format: 'text' | 'pdf';
  encoding: string;
  /** the bytes of the source file, for its checksum */
  bytes: Uint8Array;
  manifest: Manifest;
}

/** Timings of each stage in milliseconds, for the benchmark. */
export type StageTimes = Record<'normalize' | 'segment' | 'contacts' | 'assign' | 'extract' | 'content', number>;

/**
 * Stages 1–2 of the pipeline, pure: normalize → segment → contacts → assign → extract. Problems
 * that do not stop the parse are recorded on `file` as located messages.
 */
export function parseBriefing(input: ParseInput, file: VFile, times?: StageTimes): Briefing {
  const clock = stopwatch(times);
  const lines = clock('normalize', () => normalizedLines(input.text, input.pages, input.boxes));
  const { slides, notes: segmentNotes } = clock('segment', () => segmentSlides(lines, input.manifest.notPageStarts.map((n) => n.text), input.manifest.sheets.copyLabels));
  const notes: Briefing['notes'] = [];
  const note = (ruleId: string, severity: 'info' | 'warning', reason: string, at: Provenance | null) => {
    notes.push({ ruleId, severity, reason, at });
    reportNote(file, { ruleId, severity, reason, at });
  };
  for (const n of segmentNotes) note(n.ruleId, n.severity, n.reason, n.line ? lineProvenance(n.line) : null);

  const contacts = clock('contacts', () => extractContacts(slides));
  for (const n of contacts.notes) note(n.ruleId, 'warning', n.reason, n.at);
  if (contacts.programs.length === 0) throw noContactList(input, lines, file.path ?? 'source');
  const identities = identifyPrograms(contacts.programs, input.manifest.programs);
  if (input.manifest.programs.length > 0) {
    for (const p of contacts.programs) if (identities.get(p.no)!.id === null) note('program-without-id', 'info', `program ${p.no} ${p.name} is not in the manifest's programs: give it an id (briefing init proposes one)`, p.at);
  }
  const assignments = clock('assign', () => assignSlides(slides, contacts.programs, aliasesByNumber(identities), contacts.slideIndexes));
  for (const s of slides) {
    const a = assignments.get(s.index)!;
    if (a.rule === 'body' || a.rule === 'continuation') note('slide-assignment', 'info', `slide ${s.index} "${s.title}" → program ${a.program ?? '(none)'}: ${a.detail}`, lineProvenance(s.lines.find((l) => l.text.trim()) ?? s.lines[0]!));
    if (a.program === null && a.rule !== 'contact-list') note('slide-unassigned', 'warning', `slide ${s.index} "${s.title}" belongs to no program`, lineProvenance(s.lines[0]!));
  }

  const briefing = clock('extract', () => {
    const contexts = slideContexts(slides, (i) => assignments.get(i)?.program ?? null, input.manifest.fiscalYear, input.manifest.sheets).filter((c) => !contacts.slideIndexes.includes(c.slide.index));
    const all = <T>(fn: (c: (typeof contexts)[number]) => T[]) => contexts.flatMap(fn);
    const slidePhones = all(extractSlidePhones);
    const programs: Program[] = contacts.programs.map((p) => ({
      ...p,
      id: identities.get(p.no)!.id,
      slug: identities.get(p.no)!.slug,
      slidePhones: slidePhones.filter((sp) => assignments.get(sp.slide)?.program === p.no),
      slides: slides.filter((s) => assignments.get(s.index)?.program === p.no).map((s) => s.index),
    }));
    for (const p of programs) if (p.slides.length === 0) note('program-without-slides', 'warning', `program ${p.no} ${p.name} has no slide`, p.at);
    return {
      schemaVersion: 1 as const,
      edition: input.manifest.edition,
      title: input.manifest.title,
      fiscalYear: input.manifest.fiscalYear,
      era: input.manifest.era,
      source: {
        file: file.path,
        sha256: sha256(input.bytes),
        format: input.format,
        encoding: input.encoding,
        lines: lines.length,
      },
      programs,
      slides: slides.map((s) => {
        const a = assignments.get(s.index)!;
        return { index: s.index, printedPage: s.printedPage, title: s.title, titleAt: null, program: a.program, assignment: { rule: a.rule, detail: a.detail }, startLine: s.startLine, endLine: s.endLine, blocks: [] };
      }),
      budgets: all(extractBudgets),
      measures: all(extractMeasures),
      rates: all(extractRates),
      shares: all(extractShares),
      shareGroups: all(extractShareGroups),
      series: all(extractSeries),
      breakdowns: all(extractBreakdowns),
      quantities: all(extractQuantities),
      tableRows: all(extractTableRows),
      dates: all(extractDates),
      places: all(extractPlaces),
      sheets: all(extractSheets),
      notes,
    };
  });
  return clock('content', () => withContent(briefing, slides));
}

function lineProvenance(line: NormalizedLine): Provenance {
  return new Span([line]).locateLine(0);
}



function stopwatch(times?: StageTimes) {
  return <T>(stage: keyof StageTimes, fn: () => T): T => {
    const t0 = performance.now();
    const result = fn();
    if (times) times[stage] = performance.now() - t0;
    return result;
  };
}

/**
 * The refusal when no contact list is found. A PDF is read one slide per page — the deck as
 * exported slide by slide — so a PDF of handouts (several slides on a page), of notes pages or of
 * an A4 document is told so, with the page where the contact-list heading stands, if anywhere.
 */
function noContactList(input: ParseInput, lines: readonly NormalizedLine[], path: string): InputError {
  const heading = lines.find((l) => CONTACT_LIST_HEADER.test(compact(l.text)));
  const base = 'no contact list (a slide headed 施策名 / 担当課室 / 担当者 / 電話番号) was found, so no program can be identified';
  let reason = base;
  if (input.format === 'pdf') {
    const pageCount = new Set(input.pages ?? []).size;
    reason +=
      `; a PDF is read one slide per page (the deck exported slide by slide, ${pageCount} page${pageCount === 1 ? '' : 's'} here)` +
      (heading ? `, and the contact-list heading stands inside page ${heading.page}, not at the top of a slide: export the deck one slide per page (not handouts or notes pages), or give its text extraction` : ': is this the briefing deck?');
  }
  const at = heading ?? lines.at(-1);
  return new InputError(reason, { file: path, ruleId: 'contacts-missing', line: at?.no ?? 1, column: 1 });
}
