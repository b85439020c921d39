import { PDFDict, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { drawStampSlot, loadPdf, withObjectStreams, type LoadedPdf, type StampSlot } from '../../pipeline/render-pdf/assemble/index.ts';

/** A small PDF of `pages` pages, each saying its word, with named destinations on pages (from 1); optionally tagged or with a /Names dictionary. */
export async function part(words: readonly string[], dests: Record<string, number>, extra: { tagged?: boolean; names?: boolean; title?: string; size?: [number, number] } = {}): Promise<LoadedPdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const word of words) doc.addPage(extra.size ?? [300, 200]).drawText(word, { x: 20, y: 20, size: 12, font });
  if (extra.title) doc.setTitle(extra.title);
  const pages = doc.getPages();
  const dict = doc.context.obj({});
  for (const [name, page] of Object.entries(dests)) dict.set(PDFName.of(name), doc.context.obj([pages[page - 1]!.ref, 'XYZ', 0, 200, 0]));
  doc.catalog.set(PDFName.of('Dests'), doc.context.register(dict));
  if (extra.tagged) {
    const document = doc.context.register(doc.context.obj({ Type: 'StructElem', S: 'Document', K: [] }));
    doc.catalog.set(PDFName.of('StructTreeRoot'), doc.context.register(doc.context.obj({ Type: 'StructTreeRoot', K: document })));
  }
  if (extra.names) doc.catalog.set(PDFName.of('Names'), doc.context.obj({}));
  return loadPdf(await doc.save({ useObjectStreams: false }));
}

export const none: ReadonlySet<string> = new Set<string>();

/** Stamps as Chromium prints them: one page per edition, every page drawing with the same resources (one font under one name). */
export async function stampsOf(words: readonly string[]): Promise<LoadedPdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const first = doc.addPage([300, 200]);
  first.drawText(words[0]!, { x: 20, y: 20, size: 12, font });
  const resources = first.node.get(PDFName.of('Resources'))!;
  const fontName = first.node.Resources()!.lookup(PDFName.of('Font'), PDFDict).keys()[0]!.toString();
  for (const word of words.slice(1)) {
    const page = doc.addPage([300, 200]);
    page.node.set(PDFName.of('Resources'), resources);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(`BT ${fontName} 12 Tf 20 20 Td (${word}) Tj ET`)));
  }
  return loadPdf(await doc.save({ useObjectStreams: false }));
}

/** `body` with the slot every pack fills with its edition (drawStampSlot: page `index` of `stamps`), written as a build writes it. */
export async function slotted(body: LoadedPdf, stamps: LoadedPdf, index = 0): Promise<{ body: LoadedPdf; slot: StampSlot }> {
  const slot = drawStampSlot(body.doc, stamps.doc, index);
  return { body: await withObjectStreams(body.doc), slot };
}

