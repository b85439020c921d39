import { beforeAll, describe, expect, it } from 'vitest';
import { heldGlyphs } from '../../pipeline/render-pdf/assemble/sfnt-union.ts';
import { cmapSubtables, findTable, mappings } from '../../pipeline/render-pdf/font-cmap.ts';
import { keptGlyphs, prunedFont, textCharacters } from '../../pipeline/render-pdf/font-prune.ts';
import { loadFonts, type FontFiles } from '../../pipeline/render-pdf/fonts.ts';
import { packTargets } from '../../pipeline/render-pdf/pack-plan.ts';
import { bodySections, packView, sharedContent } from '../../pipeline/render-pdf/pack-view.ts';
import { normalizePdf } from '../../pipeline/render-pdf/pdf-normalize.ts';
import { PrintSession } from '../../pipeline/render-pdf/print-session.ts';
import { assetUrls } from '../../pipeline/render-pdf/assets.ts';
import { FONT_FAMILY } from '../../pipeline/render-pdf/fonts.ts';
import { glyphsLeftOut, wholeFonts } from '../../pipeline/render-pdf/glyph-guard.ts';
import { compileTemplates } from '../../pipeline/render-pdf/templates.ts';
import { chromiumDescendants } from './processes.ts';
import { r6PackInput } from './r6-input.ts';

let fonts: FontFiles;
beforeAll(async () => {
  fonts = await loadFonts();
});

/** The glyph the font's cmap gives a character. */
function glyphOf(font: Uint8Array, ch: string): number {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  for (const at of cmapSubtables(view, findTable(view, 'cmap')!)) {
    const found = mappings(view, at).find(([cp]) => cp === ch.codePointAt(0));
    if (found) return found[1];
  }
  throw new Error(`no glyph for ${ch}`);
}

describe('a font pruned to the text a print session prints', () => {
  it('keeps the outlines of the text’s glyphs, their variants and the unmapped alternates, and empties the others at their ids', () => {
    const text = '地域おこし協力隊 者';
    const kept = keptGlyphs(fonts.regular, textCharacters(text));
    for (const ch of text.replace(' ', '')) expect(kept.has(glyphOf(fonts.regular, ch))).toBe(true);
    // 者 U+FA5B, a form HarfBuzz keeps with 者 U+8005 (its variation sequence), and the digits every print may number pages with
    expect(kept.has(glyphOf(fonts.regular, '\uFA5B'))).toBe(true);
    expect(kept.has(glyphOf(fonts.regular, '7'))).toBe(true);
    expect(kept.has(glyphOf(fonts.regular, '猫'))).toBe(false);
    // か with a combining voiced mark is set as が, and が may be set as its parts
    expect(keptGlyphs(fonts.regular, textCharacters('か\u3099')).has(glyphOf(fonts.regular, 'が'))).toBe(true);
    expect(keptGlyphs(fonts.regular, textCharacters('が')).has(glyphOf(fonts.regular, '\u3099'))).toBe(true);
    const pruned = prunedFont(fonts.regular, textCharacters(text));
    expect(pruned.length).toBeLessThan(fonts.regular.length / 3);
    const held = new Set(heldGlyphs(pruned));
    expect(held.has(glyphOf(fonts.regular, '協'))).toBe(true);
    // 猫 keeps its id and advance (held by its metrics), not its outline: the font is 17,000 glyphs still
    expect(held.has(glyphOf(fonts.regular, '猫'))).toBe(true);
    expect(held.size).toBeGreaterThan(17_000);
  });

  it('prints the same bytes as the whole font: two sections of the R6 body and a prefecture’s front matter', async () => {
    const { briefing, report, manifest } = await r6PackInput();
    const shared = sharedContent({ briefing, report, manifest });
    const templates = compileTemplates();
    const [national, chiba] = packTargets(['national', '12-chiba']);
    const sections = bodySections(shared);
    const documents = [
      templates.layout(packView(shared, national!, null, { part: 'body', section: sections[0]! })),
      templates.layout(packView(shared, national!, null, { part: 'body', section: sections.at(-1)! })),
      templates.layout(packView(shared, chiba!, null, { part: 'front' })),
    ];
    const printed: string[][] = [];
    for (const covered of [false, true]) {
      const session = await PrintSession.prepare({ timeoutMs: 60_000, tabs: 1 });
      if (covered) session.cover(documents.join(''));
      try {
        const prints: string[] = [];
        for (const html of documents) prints.push(Buffer.from(normalizePdf((await session.pages[0]!.print(html)).pdf, manifest.generatedAt)).toString('base64'));
        printed.push(prints);
      } finally {
        await session.close();
      }
    }
    expect(printed[1]).toEqual(printed[0]);
    expect(chromiumDescendants()).toEqual([]);
  }, 120_000);

  it('is covered before the first print, or not at all', async () => {
    const session = await PrintSession.prepare({ timeoutMs: 60_000, tabs: 1 });
    try {
      session.cover('地域');
      await session.pages[0]!.print('<!doctype html><p>地域</p>');
      expect(() => session.cover('協力隊')).toThrow(/before its first print/);
    } finally {
      await session.close();
    }
  }, 60_000);

  it('refuses a print that draws a character its text lacks: the glyph would print as nothing', async () => {
    const html = (text: string) => `<!doctype html><html lang="ja"><head><link rel="stylesheet" href="${assetUrls().css}"></head><body style="font-family: '${FONT_FAMILY}'"><p>${text}</p></body></html>`;
    const session = await PrintSession.prepare({ timeoutMs: 60_000, tabs: 1 });
    try {
      session.cover('地域猫');
      // covered: printed, and nothing is missing from it
      const printed = await session.pages[0]!.print(html('地域猫'));
      expect(await glyphsLeftOut(printed.pdf, wholeFonts([fonts.regular, fonts.bold]))).toEqual([]);
      // a font the session did not serve cannot be checked: it is named, not passed over
      expect(await glyphsLeftOut(printed.pdf, wholeFonts([fonts.bold]))).toEqual([expect.stringMatching(/^the embedded font NotoSansJP-Regular, none of the fonts served \(NotoSansJP-Bold\)$/)]);
      // 犬 is in the whole font but not in the text the session was given
      await expect(session.pages[0]!.print(html('地域犬'))).rejects.toThrow(/a print draws 「犬」 \(NotoSansJP-Regular, glyph \d+\) with no outline/);
    } finally {
      await session.close();
    }
    expect(chromiumDescendants()).toEqual([]);
  }, 60_000);
});
