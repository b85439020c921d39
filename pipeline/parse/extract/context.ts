import type { SheetVocabulary } from '../../../schemas/manifest.ts';
import type { SlideSegment } from '../segment.ts';
import { Span } from '../span.ts';

/** What every extractor gets for one slide: its text as a Span, and the program it belongs to. */
export interface SlideContext {
  slide: SlideSegment;
  span: Span;
  program: string | null;
  /** Western fiscal year of the edition (for years printed without an era) */
  fiscalYear: number;
  /** the manifest's vocabulary of dumped spreadsheets */
  sheets: SheetVocabulary;
}

export function slideContexts(slides: SlideSegment[], programOf: (index: number) => string | null, fiscalYear: number, sheets: SheetVocabulary): SlideContext[] {
  return slides.map((slide) => ({ slide, span: new Span(slide.lines), program: programOf(slide.index), fiscalYear, sheets }));
}

/** Ids are stable for an unchanged source: kind, slide, and the order on the slide. */
export function makeId(kind: string, slide: number, n: number): string {
  return `${kind}-s${String(slide).padStart(2, '0')}-${n + 1}`;
}
