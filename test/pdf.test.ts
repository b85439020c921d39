import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { InputError } from '../pipeline/lib/errors.ts';
import { readPdfText } from '../pipeline/parse/ingest-pdf.ts';
import { PDFJS_OPTIONS, loadPdfjs } from '../pipeline/lib/pdfjs.ts';
import { parseBriefing } from '../pipeline/parse/index.ts';
import type { Briefing } from '../schemas/briefing.ts';
import { validateParsed } from '../pipeline/commands/validate.ts';
import { formatGithub } from '../pipeline/report/github.ts';
import { formatSarif } from '../pipeline/report/sarif.ts';
import { formatTerminal } from '../pipeline/report/terminal.ts';
import { parseChecks } from '../pipeline/validate/checks-file.ts';
import { R6_CHECKS, R6_CHECKS_PATH } from './helpers/validate.ts';
import { textToPdf } from './helpers/make-pdf.ts';
import { R6_TEXT, parseR6, r6Manifest, slideLines } from './helpers/r6.ts';
import { figuresOf } from './helpers/figures.ts';
import { convertWithLibreOfficeCalc, printWithChromium } from './helpers/slide-pdfs.ts';

/** The text of one page as pdfjs-dist alone reads it (no marked content, no layout). */
async function pdfjsText(bytes: Uint8Array, page: number): Promise<string> {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument({ ...PDFJS_OPTIONS, data: new Uint8Array(bytes) }).promise;
  try {
    const content = await (await doc.getPage(page)).getTextContent();
    return content.items.map((it) => ('str' in it ? it.str : '')).join('');
  } finally {
    await doc.destroy();
  }
}

/** The lines of each slide of the R6 text: the deck, one slide per page. */
async function r6Slides(): Promise<string[][]> {
  const { briefing } = await parseR6();
  return briefing.slides.map((s) => slideLines(briefing, R6_TEXT, s.index));
}

/** The R6 text laid out as a PDF, one page per slide, by the project itself. */
async function r6Pdf(): Promise<Buffer> {
  return textToPdf(await r6Slides());
}

async function parsePdf(bytes: Uint8Array, name: string): Promise<{ briefing: Briefing } & Awaited<ReturnType<typeof readPdfText>>> {
  const pdf = await readPdfText(bytes, name);
  const briefing = parseBriefing({ text: pdf.text, pages: pdf.pages, boxes: pdf.boxes, format: 'pdf', encoding: 'pdf', bytes, manifest: await r6Manifest() }, new VFile({ path: name }));
  return { briefing, ...pdf };
}

describe('PDF ingest (pdfjs-dist)', () => {
  it('gives the same programs, contacts, budgets, caps and series as the text', async () => {
    const { briefing: fromPdf, pageCount } = await parsePdf(await r6Pdf(), 'r6.pdf');
    expect(pageCount).toBe(68);
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

  // A deck printed or exported by the tools offices use: their text layer carries look-alike code
  // points (‧ U+2027 for ・, ∕ U+2215 for ／, radicals for kanji) that must read as the text does.
  for (const producer of ['Chromium (print to PDF)', 'LibreOffice Calc (export as PDF)'] as const) {
    it(`reads a deck made by ${producer}, one slide per page, as the text: every program, contact, slide and figure`, async () => {
      const slides = await r6Slides();
      const bytes = producer.startsWith('Chromium') ? await printWithChromium(slides) : await convertWithLibreOfficeCalc(slides);
      const { briefing: fromPdf, text, pages } = await parsePdf(bytes, 'r6.pdf');
      const { briefing: fromText } = await parseR6();
      if (producer.startsWith('Chromium')) {
        // Chromium maps a glyph two code points share to one of them (⼒ for 力, ‧ for ・) and says the
        // true text in /ActualText: pdfjs alone reads the look-alikes, the ingest the true text
        const first = await pdfjsText(bytes, 1);
        expect(first).toMatch(/[\u2027\u2215\u2f00-\u2fdf]/);
        expect(text.split('\n').filter((_, i) => pages[i] === 1).join('\n')).not.toMatch(/[\u2027\u2215\u2f00-\u2fdf]/);
      }
      expect(fromPdf.slides).toHaveLength(68);
      const [pdfFigures, textFigures] = [figuresOf(fromPdf), figuresOf(fromText)];
      expect(pdfFigures.contacts).toEqual(textFigures.contacts);
      expect(pdfFigures.slides).toEqual(textFigures.slides);
      expect(pdfFigures.budgets).toEqual(textFigures.budgets);
      expect(pdfFigures.measures).toEqual(textFigures.measures);
      expect(pdfFigures.rates).toEqual(textFigures.rates);
      expect(pdfFigures.series).toEqual(textFigures.series);
      expect(pdfFigures.breakdowns).toEqual(textFigures.breakdowns);
      // Slide titles too, but two: slide 11 of the text has no title line of its own (its first
      // line follows a gap, and the text's title scoring prefers the program's name further down;
      // on a page the first line is the title), and slide 54's title is letter-spaced Latin in the
      // text, whose word gaps the page does not keep.
      const titles = (b: Briefing) => b.slides.filter((x) => x.index !== 11 && x.index !== 54).map((x) => [x.index, x.title]);
      expect(titles(fromPdf)).toEqual(titles(fromText));
      // The edition's own checks hold on the PDF: every selector finds its figure, every declared
      // check passes (or is acknowledged, as on the text). Only the generic comparison of the
      // spreadsheet dumps' copies may differ: a PDF keeps no empty cells, so a copy's columns can
      // shift (reading tables is the slide-deck issue's work).
      const report = validateParsed(fromPdf, { text, pages }, parseChecks(R6_CHECKS, R6_CHECKS_PATH));
      const declared = report.checks.filter((c) => c.id.includes(':') === false && c.relation !== 'sheet-copies');
      expect(declared.length).toBeGreaterThan(90);
      expect(declared.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([]);
      expect(report.findings.filter((f) => f.severity === 'error' && f.ruleId !== 'sheet-copies').map((f) => f.message)).toEqual([]);
      expect(report.summary.acknowledged).toBe(3);
    }, 180_000);
  }

  it('explains the one-slide-per-page rule when the contact list stands inside a page (handouts, an A4 document)', async () => {
    const slides = await r6Slides();
    // the last nine slides printed on one page, as a handout would
    const handout = [...slides.slice(0, 59), slides.slice(59).flat()];
    const bytes = await textToPdf(handout);
    const pdf = await readPdfText(bytes, 'handout.pdf');
    const parse = async () => parseBriefing({ text: pdf.text, pages: pdf.pages, format: 'pdf', encoding: 'pdf', bytes, manifest: await r6Manifest() }, new VFile({ path: 'handout.pdf' }));
    const err = await parse().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    const refusal = err as InputError;
    expect(refusal.ruleId).toBe('contacts-missing');
    expect(refusal.message).toMatch(/a PDF is read one slide per page \(the deck exported slide by slide, 60 pages here\), and the contact-list heading stands inside page 60, not at the top of a slide: export the deck one slide per page/);
    expect(pdf.pages[refusal.line! - 1]).toBe(60);
  });

  it('reads a page whose /Rotate shows its drawing sideways the way its text runs', async () => {
    const bytes = await textToPdf([['地域おこし協力隊について', '', '○実施主体：地方公共団体', '○活動期間：概ね1年以上3年以下', '隊員数 89人 257人']]);
    const upright = await readPdfText(bytes, 'upright.pdf');
    expect(upright.text.split('\n').filter((l) => l.trim())).toHaveLength(4);
    for (const turn of [90, 180, 270]) {
      const turned = Buffer.from(Buffer.from(bytes).toString('latin1').replace(/\/Type \/Page\n/g, `/Type /Page\n/Rotate ${turn}\n`), 'latin1');
      const read = await readPdfText(turned, 'turned.pdf');
      expect(read.text).toBe(upright.text);
      // and the boxes stand on the page as it is shown: turned, but nowhere off it
      const boxes = read.boxes.filter((b) => b !== null);
      expect(boxes.length).toBe(upright.boxes.filter((b) => b !== null).length);
      for (const b of boxes) expect(Math.min(b.x0, b.y0)).toBeGreaterThanOrEqual(0);
    }
  });

  it('refuses a truncated PDF with a clear message', async () => {
    const bytes = await textToPdf([['施策名 担当課室 担当者 電話番号']]);
    const cut = bytes.subarray(0, Math.floor(bytes.length / 3));
    await expect(readPdfText(cut, 'cut.pdf')).rejects.toThrow(InputError);
    await expect(readPdfText(cut, 'cut.pdf')).rejects.toThrow(/not a readable PDF|cannot be read/);
  });
});

describe('findings on a PDF source', () => {
  it('cite the page, not the line of the rebuilt text: in the terminal, in GitHub annotations and in SARIF', async () => {
    const { briefing: r6 } = await parseR6();
    const slide = r6.slides.find((s) => s.startLine <= 3106 && 3106 <= s.endLine)!;
    const pages = (await r6Slides()).map((lines) => lines.map((l) => l.replace('（総数5,831人）', '（総数5,841人）')));
    const bytes = await textToPdf(pages);
    const { briefing, text, pages: linePages, boxes } = await parsePdf(bytes, 'r6.pdf');
    const report = validateParsed(briefing, { text, pages: linePages, boxes }, parseChecks(R6_CHECKS, R6_CHECKS_PATH));
    const jet = report.findings.find((f) => f.checkId === 'jet-by-role')!;
    expect(jet).toMatchObject({ severity: 'error', at: { page: slide.index } });
    // where on the page: the total 5,841人 where the fixture printed it (6 pt text, 9 pt lines, 20 pt margins)
    const line = pages[slide.index - 1]!.findIndex((l) => l.includes('5,841'));
    const box = jet.at!.box!;
    expect(box.y).toBeGreaterThan(20 + line * 9 - 6);
    expect(box.y).toBeLessThan(20 + line * 9 + 3);
    expect(box.width).toBeGreaterThan(0);
    const place = `page ${slide.index} (x ${Math.round(box.x)}, y ${Math.round(box.y)} pt)`;
    const terminal = formatTerminal(report);
    expect(terminal).toContain(`${place}: jet-by-role:`);
    const github = formatGithub(report).split('\n').find((l) => l.includes('title=jet-by-role'))!;
    expect(github.startsWith(`::error file=r6.pdf,title=jet-by-role::${place}: jet-by-role:`)).toBe(true);
    const sarif = JSON.parse(formatSarif(report, '0.0.0')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region?: unknown } }[]; properties: { page?: number; box?: unknown } }[] }[] };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'jet-by-role')!;
    expect(result.properties.page).toBe(slide.index);
    expect(result.properties.box).toEqual(box);
    expect(result.locations[0]!.physicalLocation.region).toBeUndefined();
  });
});

