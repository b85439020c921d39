import { PDFDict, PDFObjectCopier, PDFRawStream, PDFRef, type PDFContext, type PDFDocument } from 'pdf-lib';
import { AssemblyError, dictAt, itemsOf, name } from './pdf-objects.ts';

const STAMP = 'BriefingPackStamp';

/**
 * Draws page `index` of `stamps` over every page of `body`, after the page's own content (kept
 * in q … Q, so that no state of it leaks into the stamp), marked as a pagination artifact: outside
 * the structure tree, as a footer is. The body's pages and resources are replaced in `pack`, their
 * originals left as they are.
 */
export function stampPages(pack: PDFContext, body: PDFDocument, stamps: PDFDocument, index: number): void {
  const form = formOf(pack, stamps, index);
  // the form is drawn as it is: it lands where the stamp page put it only on a page of the same box
  const box = JSON.stringify(stamps.getPages()[index]!.node.MediaBox().asArray().map((n) => n.toString()));
  for (const page of body.getPages()) if (JSON.stringify(page.node.MediaBox().asArray().map((n) => n.toString())) !== box) throw new AssemblyError(`a page of the body is not of the stamp's size (${box})`);
  const [before, after] = overlayStreams(pack, STAMP);
  const replacedResources = new Set<PDFRef>();
  for (const page of body.getPages()) {
    const leaf = page.node.clone(pack);
    const resources = leaf.get(name('Resources'));
    if (resources instanceof PDFRef) {
      // resources pages share: replaced once, for all of them (every body page gets the same stamp)
      if (!replacedResources.has(resources)) pack.assign(resources, withXObject(pack, body.context, dictAt(body.context, resources), STAMP, form));
      replacedResources.add(resources);
    } else {
      leaf.set(name('Resources'), withXObject(pack, body.context, dictAt(body.context, resources), STAMP, form));
    }
    leaf.set(name('Contents'), pack.obj([before, ...itemsOf(body.context, leaf.get(name('Contents'))), after]));
    pack.assign(page.ref, leaf);
  }
}

/**
 * The two streams a page's contents go between to have the XObject `xobject` drawn over them:
 * q before, and after Q the form, marked as a pagination artifact (a footer, outside the
 * structure tree). Made once, for every page the form is drawn over.
 */
export function overlayStreams(context: PDFContext, xobject: string): [PDFRef, PDFRef] {
  return [context.register(context.stream('q\n')), context.register(context.stream(`Q\nq /Artifact <</Type /Pagination /Subtype /Footer>> BDC /${xobject} Do EMC Q\n`))];
}

/** A copy (in `into`) of a page's resources (of `from`) that also names `form` as the XObject `xobject`. */
export function withXObject(into: PDFContext, from: PDFContext, resources: PDFDict | undefined, xobject: string, form: PDFRef): PDFDict {
  if (!resources) throw new AssemblyError('a page has no resources');
  const copy = resources.clone(into);
  const xobjects = dictAt(from, resources.get(name('XObject')))?.clone(into) ?? into.obj({});
  if (xobjects.has(name(xobject))) throw new AssemblyError(`a page already names an XObject ${xobject}`);
  xobjects.set(name(xobject), form);
  copy.set(name('XObject'), xobjects);
  return copy;
}

/** A printed page as a form XObject of the pack: its content stream as printed (still compressed), its resources copied. */
export function formOf(pack: PDFContext, stamps: PDFDocument, index: number, copier = PDFObjectCopier.for(stamps.context, pack)): PDFRef {
  const page = stamps.getPages()[index];
  if (!page) throw new AssemblyError(`the stamps have no page ${index + 1}`);
  const contents = itemsOf(stamps.context, page.node.get(name('Contents')));
  const stream = contents.length === 1 ? stamps.context.lookup(contents[0]!) : undefined;
  if (!(stream instanceof PDFRawStream)) throw new AssemblyError('a stamp page is not one content stream');
  const dict = pack.obj({ Type: 'XObject', Subtype: 'Form', BBox: copier.copy(page.node.MediaBox()), Resources: copier.copy(page.node.Resources() ?? pack.obj({})) });
  for (const key of ['Filter', 'DecodeParms']) {
    const value = stream.dict.get(name(key));
    if (value !== undefined) dict.set(name(key), copier.copy(value));
  }
  return pack.register(PDFRawStream.of(dict, stream.contents));
}
