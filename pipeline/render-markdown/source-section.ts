import type { RootContent } from 'mdast';
import type { Briefing, Slide } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import { slideRanges } from '../views/slide-ranges.ts';
import { lineRange } from '../views/formats.ts';
import { paragraph } from './mdast.ts';

/** Line ranges of the slides, adjacent slides merged: 1–274行目, or 950–1329行目、1504–1646行目. */
export function slideLineRanges(slides: readonly Slide[]): string {
  const runs: [number, number][] = [];
  for (const s of [...slides].sort((a, b) => a.startLine - b.startLine)) {
    const last = runs[runs.length - 1];
    if (last && s.startLine <= last[1] + 1) last[1] = Math.max(last[1], s.endLine);
    else runs.push([s.startLine, s.endLine]);
  }
  return runs.map(([from, to]) => lineRange(from, to)).join('、');
}

/**
 * The source: the document, the file, the slides and their lines, so every number can be traced
 * back. The file's checksum stays in briefing.json and the packs: a program document depends on
 * its own slides only.
 */
export function sourceSection(_briefing: Briefing, manifest: Manifest, slides: readonly Slide[]): RootContent[] {
  const where = slides.length > 0 ? `スライド${slideRanges(slides.map((s) => s.index))}（${slideLineRanges(slides)}）` : 'スライドなし';
  return [paragraph(`${manifest.title}、${manifest.source.file} ${where}`)];
}
