import { z } from 'zod';
import { PDFJS_OPTIONS, loadPdfjs } from '../lib/pdfjs.ts';

type PdfjsModule = Awaited<ReturnType<typeof loadPdfjs>>;
export type PdfDocument = Awaited<ReturnType<PdfjsModule['getDocument']>['promise']>;

/** An entry of the outline's top level: its title, the page it opens (from 1), how many entries it has under it. */
export const OutlineEntry = z.object({ title: z.string(), page: z.number().int().nullable(), children: z.number().int().nonnegative() });
export type OutlineEntry = z.infer<typeof OutlineEntry>;

export interface PdfFont {
  name: string;
  type3: boolean;
}

/** Reads a PDF with the options of the ingest (cMaps for Japanese, no eval); the caller destroys it. */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfjs();
  // pdfjs takes ownership of the buffer it is given: hand it a copy
  return pdfjs.getDocument({ ...PDFJS_OPTIONS, data: new Uint8Array(bytes) }).promise;
}

export async function withPdf<T>(bytes: Uint8Array, read: (doc: PdfDocument) => Promise<T>): Promise<T> {
  return withLazyPdf(bytes, async (open) => read(await open()));
}

/** The same, the PDF opened only when `read` first asks for it (`open`): a check that takes every reading from an earlier run opens nothing. */
export async function withLazyPdf<T>(bytes: Uint8Array, read: (open: () => Promise<PdfDocument>) => Promise<T>): Promise<T> {
  let doc: Promise<PdfDocument> | null = null;
  try {
    return await read(() => (doc ??= openPdf(bytes)));
  } finally {
    if (doc) await (await (doc as Promise<PdfDocument>).catch(() => null))?.destroy();
  }
}

/** What pdfjs reads of a document besides its pages' content: page count, page labels (none: empty), the outline's top level, the page of each named destination. */
export const DocumentReading = z.object({
  pages: z.number().int().nonnegative(),
  labels: z.array(z.string()),
  outline: z.array(OutlineEntry),
  destinations: z.array(z.tuple([z.string(), z.number().int()])),
});
export type DocumentReading = z.infer<typeof DocumentReading>;

export async function readDocument(doc: PdfDocument): Promise<DocumentReading> {
  return { pages: doc.numPages, labels: (await doc.getPageLabels()) ?? [], outline: await outlineEntries(doc), destinations: [...(await destinationPages(doc))] };
}

/**
 * The text of every page (or of the pages numbered, from 1), items joined without separators
 * (Chromium splits runs of text freely), or with `separator` where one item must not run into the next.
 */
export async function pageTexts(doc: PdfDocument, numbers?: readonly number[], separator = ''): Promise<string[]> {
  const texts: string[] = [];
  for (const p of numbers ?? Array.from({ length: doc.numPages }, (_, i) => i + 1)) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(separator));
    page.cleanup();
  }
  return texts;
}

/** A line of text as a reader sees it: the runs drawn on one baseline, left to right. */
export interface PageLine {
  text: string;
  /** baseline, in points from the bottom of the page */
  y: number;
  /** the smallest font size of its runs, in points */
  size: number;
  /** the largest: a heading's line, even with a smaller label in it (スライド3) */
  largest: number;
}

/**
 * The lines of every page: runs grouped by baseline (within a third of their size), top to bottom.
 * What a reader reads as one line — an amount or a phone number split over two lines shows here.
 */
export async function pageLines(doc: PdfDocument): Promise<PageLine[][]> {
  const pages: PageLine[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const runs = content.items.flatMap((item) =>
      'str' in item && item.str !== '' ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, size: item.str.trim() ? Math.hypot(item.transform[2], item.transform[3]) : Infinity }] : [],
    );
    runs.sort((a, b) => b.y - a.y || a.x - b.x);
    const lines: { y: number; size: number; largest: number; runs: typeof runs }[] = [];
    for (const run of runs) {
      const line = lines.find((l) => Math.abs(l.y - run.y) <= Math.min(l.size, run.size, 30) / 3);
      const largest = Number.isFinite(run.size) ? run.size : 0;
      if (line) {
        line.runs.push(run);
        line.size = Math.min(line.size, run.size);
        line.largest = Math.max(line.largest, largest);
      } else lines.push({ y: run.y, size: run.size, largest, runs: [run] });
    }
    pages.push(
      lines
        .sort((a, b) => b.y - a.y)
        .map((l) => ({ y: l.y, size: l.size, largest: l.largest, text: l.runs.sort((a, b) => a.x - b.x).map((r) => r.str).join('') }))
        .filter((l) => l.text.trim() !== ''),
    );
    page.cleanup();
  }
  return pages;
}

/** The page (1-based) of every named destination: Chromium names one after each element id a link points at. */
export async function destinationPages(doc: PdfDocument): Promise<Map<string, number>> {
  const pages = new Map<string, number>();
  const destinations = (await doc.getDestinations()) as Record<string, unknown[] | null>;
  for (const [name, dest] of Object.entries(destinations)) {
    const page = await destinationPage(doc, dest);
    if (page !== null) pages.set(name, page);
  }
  return pages;
}

/** The top level of the outline (bookmarks), with the page each entry opens. */
export async function outlineEntries(doc: PdfDocument): Promise<OutlineEntry[]> {
  const outline = (await doc.getOutline()) ?? [];
  const entries: OutlineEntry[] = [];
  for (const item of outline) {
    const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
    entries.push({ title: item.title, page: await destinationPage(doc, dest), children: item.items.length });
  }
  return entries;
}

/** The fonts the pages draw with, as pdfjs loads them (name with subset tag, and whether it is a Type 3 font). */
export async function pdfFonts(doc: PdfDocument, pageNumbers?: readonly number[]): Promise<PdfFont[]> {
  const pdfjs = await loadPdfjs();
  const fonts = new Map<string, PdfFont>();
  for (const p of pageNumbers ?? Array.from({ length: doc.numPages }, (_, i) => i + 1)) {
    const page = await doc.getPage(p);
    const ops = await page.getOperatorList();
    ops.fnArray.forEach((fn, i) => {
      if (fn !== pdfjs.OPS.setFont) return;
      const id = String(ops.argsArray[i][0]);
      const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string; isType3Font?: boolean }) : null;
      if (font) fonts.set(font.name ?? id, { name: font.name ?? id, type3: font.isType3Font === true });
    });
    page.cleanup();
  }
  return [...fonts.values()];
}

/** The fonts a PDF draws with that are not the served Noto Sans JP subsets: "DejaVuSans", "X (Type 3)". */
export async function unservedFonts(doc: PdfDocument): Promise<string[]> {
  return unserved(await pdfFonts(doc));
}

/** Of `fonts`, those that are not the served Noto Sans JP subsets, named once each. */
export function unserved(fonts: readonly PdfFont[]): string[] {
  return [...new Set(fonts.filter((f) => f.type3 || !/NotoSansJP/.test(f.name)).map((f) => `${f.name}${f.type3 ? ' (Type 3)' : ''}`))];
}

async function destinationPage(doc: PdfDocument, dest: unknown[] | null | undefined): Promise<number | null> {
  const ref = dest?.[0];
  if (ref === undefined || ref === null) return null;
  if (typeof ref === 'number') return ref + 1;
  try {
    return (await doc.getPageIndex(ref as Parameters<PdfDocument['getPageIndex']>[0])) + 1;
  } catch {
    return null;
  }
}
