import { describe, expect, it } from 'vitest';
import { glyphs, parseSfnt } from '../../pipeline/render-pdf/assemble/sfnt.ts';
import { ASSET_PATHS, assetSources, loadAssets } from '../../pipeline/render-pdf/assets.ts';
import { prunedFont, textCharacters } from '../../pipeline/render-pdf/font-prune.ts';
import { fontFiles, loadFonts } from '../../pipeline/render-pdf/fonts.ts';
import type { KeptPrint, PrintStore } from '../../pipeline/render-pdf/print-cache.ts';
import { servedAssets, storedFonts } from '../../pipeline/render-pdf/served-assets.ts';
import { sha256 } from '../../pipeline/lib/checksums.ts';

/** A store holding `kept` by key, as a build finds them in .prints/; each lookup noted. */
function storeOf(kept: readonly KeptPrint[], salt = 'code'): PrintStore & { asked: string[] } {
  const asked: string[] = [];
  return {
    salt,
    asked,
    get: async (key, type = 'pdf') => {
      asked.push(`${key}.${type}`);
      return kept.find((k) => k.key === key && k.type === type)?.bytes ?? null;
    },
  };
}

/** How many glyphs of a font have an outline. */
const outlined = (font: Uint8Array) => {
  const { count, start, end } = glyphs(parseSfnt(font));
  return Array.from({ length: count }, (_, id) => end[id]! > start[id]!).filter(Boolean).length;
};

const TEXT = ['<p>地域おこし協力隊 R6当初予算額：248百万円</p>'];

describe('the assets a print session serves', () => {
  it('are the fonts pruned to the text and the stylesheet, kept by a key of the font file and the characters', async () => {
    const { assets, fonts } = await servedAssets(TEXT, storeOf([]));
    expect([...assets.keys()].sort()).toEqual([ASSET_PATHS.bold, ASSET_PATHS.css, ASSET_PATHS.regular].sort());
    const whole = await loadFonts();
    expect(sha256(assets.get(ASSET_PATHS.regular)!.body)).toBe(sha256(prunedFont(whole.regular, textCharacters([...TEXT, new TextDecoder().decode(assets.get(ASSET_PATHS.css)!.body)].join('')))));
    expect(outlined(assets.get(ASSET_PATHS.regular)!.body)).toBeLessThan(outlined(whole.regular) / 4);
    expect(fonts.map((f) => f.type)).toEqual(['ttf', 'ttf']);
    expect(fonts[0]!.bytes).toBe(assets.get(ASSET_PATHS.regular)!.body);
    expect(fonts[1]!.bytes).toBe(assets.get(ASSET_PATHS.bold)!.body);
    for (const f of fonts) expect(f.key).toMatch(/^[0-9a-f]{64}$/);
    // the same characters in another order, another text: the same keys; one more character, or other code (salt): others
    const same = await servedAssets(['<b>248百万円 R6当初予算額：</b>', '<i>地域おこし協力隊</i>'], storeOf([]));
    expect(same.fonts.map((f) => f.key)).toEqual(fonts.map((f) => f.key));
    const more = await servedAssets([...TEXT, '過疎'], storeOf([]));
    expect(more.fonts.map((f) => f.key)).not.toContain(fonts[0]!.key);
    const otherCode = await servedAssets(TEXT, storeOf([], 'other code'));
    expect(otherCode.fonts.map((f) => f.key)).not.toContain(fonts[0]!.key);
  });

  it('take a pruned font from the store when it holds one for the same characters, and prune again when what it holds is no font', async () => {
    const first = await servedAssets(TEXT, storeOf([]));
    const store = storeOf(first.fonts);
    const again = await servedAssets(TEXT, store);
    // the very bytes the store gave: nothing pruned
    expect(again.assets.get(ASSET_PATHS.regular)!.body).toBe(first.fonts[0]!.bytes);
    expect(again.assets.get(ASSET_PATHS.bold)!.body).toBe(first.fonts[1]!.bytes);
    expect(store.asked).toEqual(first.fonts.map((f) => `${f.key}.ttf`));
    const spoiled = storeOf([{ ...first.fonts[0]!, bytes: new TextEncoder().encode('%PDF-1.7 not a font') }, first.fonts[1]!]);
    const repaired = await servedAssets(TEXT, spoiled);
    expect(sha256(repaired.assets.get(ASSET_PATHS.regular)!.body)).toBe(sha256(first.fonts[0]!.bytes));
    expect(repaired.assets.get(ASSET_PATHS.regular)!.body).not.toBe(first.fonts[0]!.bytes);
  });

  it('are the whole fonts without a text, and a session that printed nothing keeps what the store holds for its text', async () => {
    const whole = await servedAssets(null);
    expect(whole.fonts).toEqual([]);
    expect(whole.assets.get(ASSET_PATHS.regular)!.body).toBe((await loadAssets()).get(ASSET_PATHS.regular)!.body);
    const first = await servedAssets(TEXT, storeOf([]));
    const keysOf = (fonts: readonly KeptPrint[]) => fonts.map((f) => [f.key, f.type, sha256(f.bytes)]);
    expect(keysOf(await storedFonts(TEXT, storeOf(first.fonts)))).toEqual(keysOf(first.fonts));
    expect(keysOf(await storedFonts(TEXT, storeOf(first.fonts.slice(1))))).toEqual(keysOf(first.fonts.slice(1)));
  });

  it('are named for a print’s key by the files as installed: the stylesheet and the two fonts, read without preparing them', async () => {
    const files = await fontFiles();
    const sources = new Map(await assetSources());
    expect([...sources.keys()]).toEqual([ASSET_PATHS.regular, ASSET_PATHS.bold, ASSET_PATHS.css].sort());
    expect(sources.get(ASSET_PATHS.regular)).toBe(sha256(files.regular));
    expect(sources.get(ASSET_PATHS.bold)).toBe(sha256(files.bold));
    // unmapping the aliases changes the cmap alone: the outlines and the name a print is checked against are the file's
    const prepared = await loadFonts();
    for (const font of ['regular', 'bold'] as const) {
      expect(sha256(prepared[font])).not.toBe(sha256(files[font]));
      const tables = (bytes: Uint8Array) => parseSfnt(bytes).tables;
      for (const tag of ['glyf', 'loca', 'maxp', 'head', 'name']) expect(sha256(tables(prepared[font]).get(tag)!), `${font} ${tag}`).toBe(sha256(tables(files[font]).get(tag)!));
      expect(sha256(tables(prepared[font]).get('cmap')!)).not.toBe(sha256(tables(files[font]).get('cmap')!));
    }
    expect(outlined(prepared.regular)).toBe(outlined(files.regular));
  });
});
