import type { PackTarget } from './pack-plan.ts';
import type { PrintPage } from './page-pool.ts';
import { packView, PARTS, type SharedContent } from './pack-view.ts';
import { destinationPages, withPdf } from './pdf-read.ts';
import type { PackTemplates } from './templates.ts';

/** Where the parts of the national pack begin, from a draft of it: the body every pack shares. */
export interface BodyPages {
  /** page of the first program */
  firstProgram: number;
  /** page of every anchor of the national pack */
  pages: Map<string, number>;
}

/** How long a pack's front matter (cover, contents, mentions, changes) is, and where its own parts start. */
export interface FrontPages {
  pages: number;
  /** the page of each part of the front matter that differs by pack (mentions, changes), counted from the cover */
  parts: Map<string, number>;
}

/** The parts of a front matter whose pages the contents list. */
const FRONT_PARTS: readonly string[] = [PARTS.mentions.anchor, PARTS.changes.anchor];

/** The page numbers a table of contents lists, by anchor. */
export type TocPages = Map<string, number>;

/**
 * The pages of a pack from the national draft and the length of its own front matter: every
 * part starts on a page of its own (named pages), so the body only shifts by the front matter.
 * A guess, checked against the printed PDF; the printer prints again if it was wrong.
 */
export function shiftedBodyPages(body: BodyPages, anchors: readonly string[], front: FrontPages): TocPages {
  const shift = front.pages + 1 - body.firstProgram;
  const pages: TocPages = new Map();
  for (const anchor of anchors) {
    if (FRONT_PARTS.includes(anchor)) {
      if (front.parts.has(anchor)) pages.set(anchor, front.parts.get(anchor)!);
    } else if (body.pages.has(anchor)) {
      pages.set(anchor, body.pages.get(anchor)! + shift);
    }
  }
  return pages;
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

/** A draft of the whole national pack: the pages of its anchors, and where its first program starts. */
export async function draftBodyPages(page: PrintPage, templates: PackTemplates, shared: SharedContent, national: PackTarget): Promise<BodyPages> {
  const { pdf } = await page.print(templates.layout(packView(shared, national, null)), true);
  const pages = await withPdf(pdf, destinationPages);
  const firstProgram = pages.get(shared.programs[0]!.anchor);
  if (firstProgram === undefined) throw new Error('the draft of the national pack has no destination for its first program');
  return { firstProgram, pages };
}

/** One draft of the front matters of all `targets`, one after the other: the length of each. */
export async function draftFrontPages(page: PrintPage, templates: PackTemplates, shared: SharedContent, targets: readonly PackTarget[]): Promise<Map<string, FrontPages>> {
  if (targets.length === 0) return new Map();
  const prefixes = targets.map((_, i) => `m${i}-`);
  const fronts = targets.map((t, i) => packView(shared, t, null, { body: false, idPrefix: prefixes[i] }));
  const { title, csp, assets, pageCss } = fronts[0]!;
  const { pdf } = await page.print(templates.measure({ title, csp, assets, pageCss, fronts }), true);
  const measured = frontPagesFromDraft(await withPdf(pdf, destinationPages), prefixes);
  return new Map(targets.map((t, i) => [t.id, measured[i]!]));
}
