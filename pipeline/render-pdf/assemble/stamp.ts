import { PDFDict, PDFObjectCopier, PDFRawStream, PDFRef, type PDFContext, type PDFDocument, type PDFObject, type PDFPageLeaf } from 'pdf-lib';
import { AssemblyError, dictAt, itemsOf, name } from './pdf-objects.ts';

const STAMP = 'BriefingPackStamp';

/**
 * The form every page of a body draws its edition with, one object: a pack's update replaces it
 * with its own edition's (fillStampSlot), and leaves the body's pages as they are.
 */
export interface StampSlot {
  ref: PDFRef;
  /** the form's resources as the body holds them: the stamps' fonts, copied into the body once */
  resources: PDFObject;
  /** the resources of the stamp page they were copied from, as the stamps write them: a page whose resources read the same takes the body's copy */
  source: string;
}

/**
 * Has every page of `doc` (a body, before it is written) draw a form XObject, the slot, over its
 * content (drawOver). In the body the slot draws nothing, with
 * the resources of page `index` of `stamps` (their fonts copied once, for every pack); each pack
 * fills it with its own edition's page (fillStampSlot).
 */
export function drawStampSlot(doc: PDFDocument, stamps: PDFDocument, index: number): StampSlot {
  const page = stamps.getPages()[index];
  if (!page) throw new AssemblyError(`the stamps have no page ${index + 1}`);
  // the form is drawn as it is: it lands where the stamp page put it only on a page of the same box
  const box = boxOf(page.node);
  for (const body of doc.getPages()) if (boxOf(body.node) !== box) throw new AssemblyError(`a page of the body is not of the stamp's size (${box})`);
  const context = doc.context;
  const copier = PDFObjectCopier.for(stamps.context, context);
  const resources = copier.copy(page.node.Resources() ?? context.obj({}));
  const slot = context.register(context.stream('', { Type: 'XObject', Subtype: 'Form', BBox: copier.copy(page.node.MediaBox()), Resources: resources }));
  drawOver(context, doc.getPages().map((p) => p.ref), STAMP, () => slot);
  return { ref: slot, resources, source: resourcesText(stamps, index) };
}

/**
 * Fills the body's stamp slot, in `pack` (an update of the body), with page `index` of `stamps`:
 * the pack's edition in the footer of every page of the body. The page's fonts are the body's
 * copy when its resources read as the slot's were (the stamps print every edition with one font),
 * a copy of their own otherwise.
 */
export function fillStampSlot(pack: PDFContext, slot: StampSlot, stamps: PDFDocument, index: number): void {
  pack.assign(slot.ref, formStream(pack, stamps, index, PDFObjectCopier.for(stamps.context, pack), resourcesText(stamps, index) === slot.source ? slot.resources : undefined));
}

const boxOf = (node: PDFPageLeaf) => JSON.stringify(node.MediaBox().asArray().map((n) => n.toString()));

/** A stamp page's resources as its file writes them (object numbers and all). */
function resourcesText(stamps: PDFDocument, index: number): string {
  return stamps.getPages()[index]?.node.get(name('Resources'))?.toString() ?? '';
}

/**
 * Has each of `pages` (objects of `context`) draw the form XObject `xobject` — `form(i)` for the
 * i-th — after its own content, kept in q … Q so that no state of it leaks into the form, marked
 * as a pagination artifact: outside the structure tree, as a footer is. The page names the form
 * in resources of its own.
 */
export function drawOver(context: PDFContext, pages: readonly PDFRef[], xobject: string, form: (index: number) => PDFRef): void {
  const before = context.register(context.stream('q\n'));
  const after = context.register(context.stream(`Q\nq /Artifact <</Type /Pagination /Subtype /Footer>> BDC /${xobject} Do EMC Q\n`));
  pages.forEach((ref, i) => {
    const page = dictAt(context, ref)!;
    page.set(name('Resources'), withXObject(context, dictAt(context, page.get(name('Resources'))), xobject, form(i)));
    page.set(name('Contents'), context.obj([before, ...itemsOf(context, page.get(name('Contents'))), after]));
  });
}

/** A copy of a page's resources that also names `form` as the XObject `xobject`. */
function withXObject(context: PDFContext, resources: PDFDict | undefined, xobject: string, form: PDFRef): PDFDict {
  if (!resources) throw new AssemblyError('a page has no resources');
  const copy = resources.clone(context);
  const xobjects = dictAt(context, resources.get(name('XObject')))?.clone(context) ?? context.obj({});
  if (xobjects.has(name(xobject))) throw new AssemblyError(`a page already names an XObject ${xobject}`);
  xobjects.set(name(xobject), form);
  copy.set(name('XObject'), xobjects);
  return copy;
}

/** A printed page as a form XObject of the pack: its content stream as printed (still compressed), its resources copied. */
export function formOf(pack: PDFContext, stamps: PDFDocument, index: number, copier = PDFObjectCopier.for(stamps.context, pack)): PDFRef {
  return pack.register(formStream(pack, stamps, index, copier));
}

/** The same, not yet an object of the pack; with `resources`, these instead of a copy of the page's. */
function formStream(pack: PDFContext, stamps: PDFDocument, index: number, copier: PDFObjectCopier, resources?: PDFObject): PDFRawStream {
  const page = stamps.getPages()[index];
  if (!page) throw new AssemblyError(`the stamps have no page ${index + 1}`);
  const contents = itemsOf(stamps.context, page.node.get(name('Contents')));
  const stream = contents.length === 1 ? stamps.context.lookup(contents[0]!) : undefined;
  if (!(stream instanceof PDFRawStream)) throw new AssemblyError('a stamp page is not one content stream');
  const dict = pack.obj({ Type: 'XObject', Subtype: 'Form', BBox: copier.copy(page.node.MediaBox()), Resources: resources ?? copier.copy(page.node.Resources() ?? pack.obj({})) });
  for (const key of ['Filter', 'DecodeParms']) {
    const value = stream.dict.get(name(key));
    if (value !== undefined) dict.set(name(key), copier.copy(value));
  }
  return PDFRawStream.of(dict, stream.contents);
}
