import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFStream, PDFString, type PDFContext, type PDFObject } from 'pdf-lib';

/** An assembly refused: a part the assembler cannot join without losing what it carries. */
export class AssemblyError extends Error {
  override name = 'AssemblyError';
}

export const name = (key: string): PDFName => PDFName.of(key);

/** The object itself, following one reference. */
export function resolve(context: PDFContext, object: PDFObject | undefined): PDFObject | undefined {
  return object instanceof PDFRef ? context.lookup(object) : object;
}

export function dictAt(context: PDFContext, object: PDFObject | undefined): PDFDict | undefined {
  const value = resolve(context, object);
  return value instanceof PDFDict ? value : undefined;
}

export function arrayAt(context: PDFContext, object: PDFObject | undefined): PDFArray | undefined {
  const value = resolve(context, object);
  return value instanceof PDFArray ? value : undefined;
}

export function numberAt(context: PDFContext, object: PDFObject | undefined): number | undefined {
  const value = resolve(context, object);
  return value instanceof PDFNumber ? value.asNumber() : undefined;
}

/** The items of an array, or the one object that stands for an array of one (a /K, a /Contents). */
export function itemsOf(context: PDFContext, object: PDFObject | undefined): PDFObject[] {
  if (object === undefined) return [];
  const array = arrayAt(context, object);
  return array ? array.asArray() : [object];
}

/** A text string's bytes: the key of a name tree, compared byte by byte. */
export function stringBytes(object: PDFObject | undefined): Uint8Array | undefined {
  return object instanceof PDFString || object instanceof PDFHexString ? object.asBytes() : undefined;
}

/**
 * The [key, value] pairs of a number tree (/Nums) or a name tree (/Names), its /Kids followed;
 * a node met twice (a loop in a hostile file) is refused.
 */
export function treeEntries(context: PDFContext, root: PDFObject | undefined, leafKey: 'Nums' | 'Names'): [PDFObject, PDFObject][] {
  const entries: [PDFObject, PDFObject][] = [];
  const seen = new Set<PDFDict>();
  const stack = [root];
  while (stack.length > 0) {
    const node = dictAt(context, stack.pop());
    if (!node) continue;
    if (seen.has(node)) throw new AssemblyError(`the ${leafKey === 'Nums' ? 'number' : 'name'} tree has a loop`);
    seen.add(node);
    const leaves = arrayAt(context, node.get(name(leafKey)))?.asArray() ?? [];
    for (let i = 0; i + 1 < leaves.length; i += 2) entries.push([leaves[i]!, leaves[i + 1]!]);
    // kids in order: pushed last first
    const kids = arrayAt(context, node.get(name('Kids')))?.asArray() ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return entries;
}

/** Byte order, as a name tree's keys are sorted. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Every reference to a key of `replaced`, in every object of the context, made to its value. */
export function replaceRefs(context: PDFContext, replaced: ReadonlyMap<PDFRef, PDFRef>): void {
  const seen = new Set<PDFObject>();
  const visit = (object: PDFObject): void => {
    if (seen.has(object)) return;
    seen.add(object);
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
    if (dict) {
      for (const [key, value] of dict.entries()) {
        const to = value instanceof PDFRef ? replaced.get(value) : undefined;
        if (to) dict.set(key as PDFName, to);
        else visit(value);
      }
    } else if (object instanceof PDFArray) {
      object.asArray().forEach((value, i) => {
        const to = value instanceof PDFRef ? replaced.get(value) : undefined;
        if (to) object.set(i, to);
        else visit(value);
      });
    }
  };
  for (const [, object] of context.enumerateIndirectObjects()) visit(object);
}
