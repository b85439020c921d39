import type { PackTarget } from './pack-plan.ts';
import { packView, PARTS, type PageLabels, type SharedContent } from './pack-view.ts';
import { destinationPages, withPdf } from './pdf-read.ts';
import type { PackTemplates } from './templates.ts';

/** How long a pack's front matter (cover, contents, mentions, changes) is, and where its own parts start. */
export interface FrontPages {
  pages: number;
  /** the page of each part of the front matter that differs by pack (mentions, changes), counted from the cover */
  parts: Map<string, number>;
}

/** The parts of a front matter whose pages the contents list. */
export const FRONT_PARTS: readonly string[] = [PARTS.mentions.anchor, PARTS.changes.anchor];

/** A page number as CSS counter(page, lower-roman) prints it and a PDF page label /S /r reads: i, ii, iv, xii. */
export function lowerRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`no roman numeral for ${n}`);
  const digits: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, numeral] of digits) for (; n >= value; n -= value) out += numeral;
  return out;
}

/** The labels of a part's pages: the front matter's i, ii …, the body's 1, 2 … */
export function labelsOf(pages: ReadonlyMap<string, number>, numbering: 'roman' | 'arabic'): Map<string, string> {
  return new Map([...pages].map(([anchor, page]) => [anchor, numbering === 'roman' ? lowerRoman(page) : String(page)]));
}

/**
 * What a pack's contents and mentions print for each anchor: the body's own page labels (the
 * same in every pack) and, for the parts of its front matter, their pages counted from its
 * cover. A guess where the front matter was only measured: checked against its print.
 */
export function packLabels(body: PageLabels, anchors: readonly string[], front: FrontPages): Map<string, string> {
  const labels = new Map<string, string>();
  for (const anchor of anchors) {
    if (FRONT_PARTS.includes(anchor)) {
      if (front.parts.has(anchor)) labels.set(anchor, lowerRoman(front.parts.get(anchor)!));
    } else if (body.has(anchor)) {
      labels.set(anchor, body.get(anchor)!);
    }
  }
  return labels;
}

/**
 * The front matters of a measuring draft: the pages between one cover and the next (or the
 * closing links), and its mentions and changes counted from the pack's own cover.
 */
export function frontPagesFromDraft(destinations: ReadonlyMap<string, number>, prefixes: readonly string[]): FrontPages[] {
  const end = destinations.get('measure-end');
  if (end === undefined) throw new Error('the measuring draft has no closing destination');
  return prefixes.map((prefix, i) => {
    const start = destinations.get(prefix + PARTS.cover.anchor);
    const next = i + 1 < prefixes.length ? destinations.get(prefixes[i + 1]! + PARTS.cover.anchor) : end;
    if (start === undefined || next === undefined) throw new Error(`the measuring draft has no cover destination for ${prefix}`);
    const parts = new Map(FRONT_PARTS.flatMap((anchor) => (destinations.has(prefix + anchor) ? [[anchor, destinations.get(prefix + anchor)! - start + 1] as const] : [])));
    return { pages: next - start, parts };
  });
}

/** One draft of the front matters of all `targets`, one after the other (null without targets): printed, then measured (measureDraft). */
export function frontsDraft(templates: PackTemplates, shared: SharedContent, targets: readonly PackTarget[]): string | null {
  if (targets.length === 0) return null;
  const fronts = targets.map((t, i) => packView(shared, t, null, { part: 'front', idPrefix: draftPrefix(i) }));
  // the page rules of a front matter with every part (a prefecture's: mentions, and changes when there are any)
  const { title, csp, assets, pageCss } = fronts.find((f) => f.mentions !== null) ?? fronts[0]!;
  return templates.measure({ title, csp, assets, pageCss, fronts });
}

const draftPrefix = (i: number) => `m${i}-`;

/** The length of each target's front matter and where its parts start, read from the print of its frontsDraft. */
export async function measureDraft(pdf: Uint8Array | null, targets: readonly PackTarget[]): Promise<Map<string, FrontPages>> {
  if (!pdf) return new Map();
  const measured = frontPagesFromDraft(await withPdf(pdf, destinationPages), targets.map((_, i) => draftPrefix(i)));
  return new Map(targets.map((t, i) => [t.id, measured[i]!]));
}
