import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { InputError } from '../pipeline/lib/errors.ts';
import { readPdfText } from '../pipeline/parse/ingest-pdf.ts';
import { parseBriefing } from '../pipeline/parse/index.ts';
import { textToPdf } from './helpers/make-pdf.ts';
import { R6_TEXT, parseR6, r6Manifest } from './helpers/r6.ts';

/** The R6 text laid out as a PDF, one page per slide, by the project itself. */
async function r6Pdf(): Promise<Buffer> {
  const { briefing } = await parseR6();
  const lines = R6_TEXT.split('\n');
  const pages = briefing.slides.map((s, i) => lines.slice(s.startLine - 1, (briefing.slides[i + 1]?.startLine ?? lines.length + 1) - 1));
  return textToPdf(pages);
}

describe('PDF ingest (pdfjs-dist)', () => {
  it('gives the same programs, contacts, budgets, caps and series as the text', async () => {
    const bytes = await r6Pdf();
    const pdf = await readPdfText(bytes, 'r6.pdf');
    expect(pdf.pageCount).toBe(68);
    const file = new VFile({ path: 'r6.pdf' });
    const fromPdf = parseBriefing({ text: pdf.text, pages: pdf.pages, format: 'pdf', encoding: 'pdf', bytes, manifest: await r6Manifest() }, file);
    const { briefing: fromText } = await parseR6();
    const contacts = (b: typeof fromText) => b.programs.map((p) => [p.no, p.name, p.departments, p.slidePhones.map((s) => s.phone)]);
    expect(contacts(fromPdf)).toEqual(contacts(fromText));
    expect(fromPdf.slides.map((s) => s.program)).toEqual(fromText.slides.map((s) => s.program));
    expect(fromPdf.budgets.map((b) => [b.program, b.label, b.amount])).toEqual(fromText.budgets.map((b) => [b.program, b.label, b.amount]));
    const caps = (b: typeof fromText) => b.measures.filter((m) => m.cap).map((m) => [m.program, m.item, m.cap, m.perUnit, m.rate, m.components.map((c) => c.amount.yen)]);
    expect(caps(fromPdf)).toEqual(caps(fromText));
    expect(fromPdf.series.map((s) => s.points.map((p) => p.value))).toEqual(fromText.series.map((s) => s.points.map((p) => p.value)));
    // Japanese survives only with the character maps: the contact list would be empty without them.
    expect(fromPdf.programs).toHaveLength(31);
    expect(fromPdf.budgets[0]!.at.page).toBe(3);
  });

  it('refuses a truncated PDF with a clear message', async () => {
    const bytes = await textToPdf([['施策名 担当課室 担当者 電話番号']]);
    const cut = bytes.subarray(0, Math.floor(bytes.length / 3));
    await expect(readPdfText(cut, 'cut.pdf')).rejects.toThrow(InputError);
    await expect(readPdfText(cut, 'cut.pdf')).rejects.toThrow(/not a readable PDF|cannot be read/);
  });
});
