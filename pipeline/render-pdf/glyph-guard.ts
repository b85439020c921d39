import { PDFDict, PDFDocument, ParseSpeeds } from 'pdf-lib';
import { cidFont, cmapEntries, decoded } from './assemble/font-union.ts';
import { name } from './assemble/pdf-objects.ts';
import { glyphs, parseSfnt, postScriptName } from './assemble/sfnt.ts';
import { hasOutline } from './font-prune.ts';

/**
 * A font a print session served whole to the browser, by its PostScript name: what a print's
 * embedded subsets are checked against when the session served it pruned (font-prune.ts).
 */
export type WholeFonts = ReadonlyMap<string, Uint8Array>;

const named = new WeakMap<Uint8Array, string>();
const UTF16BE = new TextDecoder('utf-16be');

/** The fonts by their PostScript names (read once a font). */
export function wholeFonts(fonts: readonly Uint8Array[]): WholeFonts {
  return new Map(
    fonts.map((font) => {
      if (!named.has(font)) named.set(font, postScriptName(parseSfnt(font)) ?? '');
      return [named.get(font)!, font];
    }),
  );
}

/**
 * The glyphs a print draws without an outline where the whole font has one: what a session's
 * pruned fonts left out because its text did not name the character (one the stylesheet
 * generates, say). Chromium embeds subsets that keep glyph ids, so a glyph the print draws (its
 * /ToUnicode maps it to its text; /W lists glyphs Skia did not draw too) is empty in the subset
 * only when the served font had it empty.
 * Each as "「漢」 (NotoSansJP-Regular, glyph 1234)"; an embedded TrueType font none of `whole` is
 * named too (it could not be checked).
 */
export async function glyphsLeftOut(pdf: Uint8Array, whole: WholeFonts): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest, ignoreEncryption: true });
  const found: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(name('Subtype'))?.toString() !== '/Type0') continue;
    const font = cidFont(doc.context, object);
    const fontName = font?.type0.get(name('BaseFont'))?.toString().replace(/^\/([A-Z]{6}\+)?/, '');
    const wholeFont = fontName === undefined ? undefined : whole.get(fontName);
    if (!font) continue;
    // a font the session did not serve would pass unchecked: it is named instead
    if (!wholeFont) {
      found.push(`the embedded font ${fontName ?? '(unnamed)'}, none of the fonts served (${[...whole.keys()].join(', ')})`);
      continue;
    }
    const subset = glyphs(parseSfnt(decoded(font.file)));
    const text = font.toUnicode ? cmapEntries(decoded(font.toUnicode)) : new Map<number, string>();
    for (const id of [...text.keys()].sort((a, b) => a - b)) {
      const empty = id >= subset.count || subset.end[id] === subset.start[id];
      if (empty && hasOutline(wholeFont, id)) found.push(`「${UTF16BE.decode(Buffer.from(text.get(id)!, 'hex'))}」 (${fontName}, glyph ${id})`);
    }
  }
  return found;
}
