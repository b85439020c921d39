import { PDFName, PDFRef, type PDFContext, type PDFDict, type PDFDocument, type PDFObject, type PDFObjectCopier } from 'pdf-lib';
import { AssemblyError, dictAt, name, numberAt } from './pdf-objects.ts';

/**
 * One outline: the front matter's top-level entries, then the body's, under the body's root
 * (its /First and /Count replaced, its first entry's /Prev set). The front's own root is not part
 * of the pack. Null when neither part has an outline.
 */
export function mergeOutlines(pack: PDFContext, body: PDFDocument, front: PDFDocument, copier: PDFObjectCopier): PDFRef | null {
  const bodyRootRef = body.catalog.get(name('Outlines'));
  const frontRootRef = front.catalog.get(name('Outlines'));
  const bodyRoot = dictAt(body.context, bodyRootRef);
  const frontRoot = frontRootRef === undefined ? undefined : dictAt(pack, copier.copy(frontRootRef));
  const frontItems = frontRoot ? topItems(pack, frontRoot) : [];
  const bodyItems = bodyRoot ? topItems(body.context, bodyRoot) : [];
  if (frontItems.length + bodyItems.length === 0) return null;
  const rootRef = bodyRootRef instanceof PDFRef ? bodyRootRef : pack.nextRef();
  const count = (numberAt(pack, frontRoot?.get(name('Count'))) ?? frontItems.length) + (numberAt(body.context, bodyRoot?.get(name('Count'))) ?? bodyItems.length);
  pack.assign(rootRef, pack.obj({ Type: 'Outlines', First: frontItems[0] ?? bodyItems[0]!, Last: bodyItems.at(-1) ?? frontItems.at(-1)!, Count: count }));
  for (const item of frontItems) dictAt(pack, item)!.set(name('Parent'), rootRef);
  const lastFront = frontItems.at(-1);
  const firstBody = bodyItems[0];
  if (lastFront && firstBody) {
    dictAt(pack, lastFront)!.set(name('Next'), firstBody);
    const first = dictAt(body.context, firstBody)!.clone(pack);
    first.set(name('Prev'), lastFront);
    pack.assign(firstBody, first);
  }
  if (frontRootRef !== undefined) {
    const copied = copier.copy(frontRootRef);
    if (copied instanceof PDFRef) pack.delete(copied);
  }
  if (!(bodyRootRef instanceof PDFRef)) for (const item of bodyItems) replaceParent(pack, body.context, item, rootRef);
  return rootRef;
}

function replaceParent(pack: PDFContext, context: PDFContext, item: PDFRef, parent: PDFRef): void {
  const dict = (pack.lookup(item) as PDFDict | undefined) ?? dictAt(context, item)!.clone(pack);
  dict.set(name('Parent'), parent);
  pack.assign(item, dict);
}

export function topItems(context: PDFContext, root: PDFDict): PDFRef[] {
  const items: PDFRef[] = [];
  const seen = new Set<PDFRef>();
  for (let ref = root.get(name('First')); ref instanceof PDFRef; ref = dictAt(context, ref)?.get(name('Next'))) {
    if (seen.has(ref)) throw new AssemblyError('an outline has a loop');
    seen.add(ref);
    items.push(ref);
  }
  return items;
}

interface DestsPart {
  doc: PDFDocument;
  /** destinations it links to that the other part defines: its stand-ins for them are dropped */
  borrowed: ReadonlySet<string>;
  /** for the front matter: the copier into the pack */
  copier?: PDFObjectCopier;
}

/**
 * One /Dests dictionary: both parts' named destinations, but for the stand-ins a part printed for
 * a name it borrows. A name both parts define, or one borrowed and defined by neither, is
 * refused: a link of the pack would lead to the wrong page, or nowhere.
 */
export function mergeDests(pack: PDFContext, body: DestsPart, front: DestsPart): PDFRef {
  const merged = new Map<string, [PDFName, PDFObject]>();
  for (const part of [front, body]) {
    const dests = dictAt(part.doc.context, part.doc.catalog.get(name('Dests')));
    if (!dests) continue;
    for (const [key, value] of dests.entries()) {
      const text = key.decodeText();
      if (part.borrowed.has(text)) continue;
      if (merged.has(text)) throw new AssemblyError(`the destination "${text}" is defined by both parts`);
      merged.set(text, [key, part.copier ? part.copier.copy(value) : value]);
    }
  }
  for (const part of [front, body]) for (const text of part.borrowed) if (!merged.has(text)) throw new AssemblyError(`a link leads to "${text}", which neither part defines`);
  const dict = pack.obj({});
  for (const text of [...merged.keys()].sort()) dict.set(...merged.get(text)!);
  const bodyRef = body.doc.catalog.get(name('Dests'));
  if (bodyRef instanceof PDFRef) {
    pack.assign(bodyRef, dict);
    return bodyRef;
  }
  return pack.register(dict);
}
