import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseDocument, isMap, isSeq } from 'yaml';
import { sha256 } from '../pipeline/lib/checksums.ts';
import { readPdfText } from '../pipeline/parse/ingest-pdf.ts';
import { parseBriefing } from '../pipeline/parse/index.ts';
import { mapChars } from '../pipeline/parse/normalize-chars.ts';
import type { ValidationReport } from '../schemas/validation.ts';
import { runCli } from './helpers/cli.ts';
import { figureDifferences, figuresOf } from './helpers/figures.ts';
import { R6_DIR, R6_TEXT, parseR6, r6Manifest, slideLines } from './helpers/r6.ts';
import { exportSlidesWithImpress, printSlidesWithChromium } from './helpers/slide-decks.ts';
import { SLIDE } from './helpers/slide-layout.ts';
import { tempDir } from './helpers/temp.ts';
import { R6_CHECKS } from './helpers/validate.ts';

// The bundled briefing laid out as a ministry's deck is (test/helpers/slide-layout.ts): a 16:9 page
// per slide, the title in a frame at the top, the body in positioned frames — two columns where a
// run of text is long — and real tables (the contact list: ruled cells, a cell's text on several
// lines), made by two producers. The PDF is read as such a deck: a page is a slide; frames and
// columns in reading order; ruled tables row by row; lines the frame's width broke joined again;
// the spaces LibreOffice sets between Japanese and Latin without a space glyph left out.

/**
 * The checks of the R6 edition that read the spreadsheet dumps (the sheet copies labelled
 * 加工用/元データ/原本 the text extraction took from a slide's embedded workbook) are left out: a deck
 * shows the workbook as its chart, so the slide-like decks do not print the dumps (the decks
 * printed line by line in test/pdf.test.ts do).
 */
function checksWithoutSheetDumps(): string {
  const doc = parseDocument(R6_CHECKS);
  const checks = doc.get('checks');
  if (!isSeq(checks)) throw new Error('checks.yaml has no list of checks');
  checks.items = checks.items.filter((c) => !(isMap(c) && /sheet-count|sheet: true|sheet":true/.test(JSON.stringify(c.toJSON()))));
  return doc.toString();
}

/** A finding as a reader of either source sees it: what and where in the briefing, not the line of the file. */
function findingKey(f: ValidationReport['findings'][number]): string {
  return `${f.severity} ${f.checkId ?? f.ruleId}: ${f.message.replace(/\((?:line|page) \d+\)/g, '(…)')}`;
}

const PRODUCERS = [
  ['Chromium (HTML with absolutely positioned frames, print to PDF)', printSlidesWithChromium],
  ['LibreOffice Impress (a flat ODP with frames and table shapes, export as PDF)', exportSlidesWithImpress],
] as const;

describe('PDF ingest of slide-like decks', () => {
  for (const [producer, make] of PRODUCERS) {
    it(`reads the deck made by ${producer}: 68 slides, and every program, contact, budget, cap, series and breakdown as the text`, async () => {
      const { briefing: fromText } = await parseR6();
      const slides = fromText.slides.map((s) => slideLines(fromText, R6_TEXT, s.index));
      const bytes = await make(slides);
      const pdf = await readPdfText(bytes, 'deck.pdf');
      expect(pdf.pageCount).toBe(68);
      const fromPdf = parseBriefing({ text: pdf.text, pages: pdf.pages, boxes: pdf.boxes, format: 'pdf', encoding: 'pdf', bytes, manifest: await r6Manifest() }, new VFile({ path: 'deck.pdf' }));
      expect(fromPdf.slides).toHaveLength(68);
      expect(figureDifferences(figuresOf(fromPdf), figuresOf(fromText))).toEqual([]);
      // the contact list came from ruled cells: a row is one line, its cells apart by tabs, a cell's two lines in it
      const folded = mapChars(pdf.text).chars.join('');
      expect(folded).toMatch(/1．地域おこし協力隊\t地域自立応援課\t久芝、森本、豊原、 ?河西、芳賀\t03-5253-5394/);
      // every figure keeps its page and where it stands there: the R6 budget of 地域おこし協力隊 on its slide
      const [budget, textBudget] = [fromPdf, fromText].map((b) => b.budgets.find((x) => x.program === '1' && x.label === 'R6当初予算額')!);
      expect(budget!.at.page).toBe(fromText.slides.find((s) => s.startLine <= textBudget!.at.line && textBudget!.at.line <= s.endLine)!.index);
      expect(budget!.at.box!.x).toBeGreaterThan(SLIDE.margin - 1);
      expect(budget!.at.box!.x + budget!.at.box!.width).toBeLessThan(SLIDE.width - SLIDE.margin + 1);
      expect(budget!.at.box!.height).toBeGreaterThan(0);

      // in an edition folder with the R6 manifest and checks, validate finds what it finds on the text
      const dir = tempDir('slide-deck');
      const manifest = readFileSync(join(R6_DIR, 'manifest.yaml'), 'utf8').replace('file: briefing.txt', 'file: deck.pdf').replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256(bytes)}`);
      writeFileSync(join(dir, 'manifest.yaml'), manifest);
      writeFileSync(join(dir, 'deck.pdf'), bytes);
      writeFileSync(join(dir, 'checks.yaml'), checksWithoutSheetDumps());
      const onPdf = runCli(['validate', dir, '--format', 'json']);
      const onText = runCli(['validate', 'r6', '--checks', join(dir, 'checks.yaml'), '--format', 'json']);
      expect(onPdf.stderr).not.toMatch(/matches no figure/);
      expect(onText.status).toBe(0);
      expect(onPdf.status).toBe(0);
      const [pdfReport, textReport] = [JSON.parse(onPdf.stdout), JSON.parse(onText.stdout)] as ValidationReport[];
      expect(pdfReport.summary.errors).toBe(0);
      // every declared check with the same outcome; the generic checks too, but those comparing the dumps' copies
      const outcomes = (r: ValidationReport) => new Map(r.checks.map((c) => [c.id, c.status]));
      const [pdfOutcomes, textOutcomes] = [outcomes(pdfReport), outcomes(textReport)];
      expect([...pdfOutcomes].filter(([id, status]) => textOutcomes.get(id) !== status)).toEqual([]);
      expect([...textOutcomes.keys()].filter((id) => !pdfOutcomes.has(id) && !id.startsWith('sheet-copies:'))).toEqual([]);
      expect(pdfReport.checks.filter((c) => !c.id.includes(':')).length).toBeGreaterThan(80);
      expect(pdfReport.findings.map(findingKey)).toEqual(textReport.findings.map(findingKey));
      // a finding on the PDF names its page and position, not a line of the rebuilt text
      const sportsName = pdfReport.findings.find((f) => f.checkId === 'jet-sports-name')!;
      expect(sportsName.at).toMatchObject({ page: expect.any(Number), box: { x: expect.any(Number), y: expect.any(Number) } });
      expect(sportsName.message).toMatch(/\(page \d+\) vs "SEA" \(page \d+\)/);
    }, 240_000);
  }
});
