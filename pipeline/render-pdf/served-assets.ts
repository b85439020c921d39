import { hashOf } from '../build/build-state.ts';
import { sha256Once } from '../lib/checksums.ts';
import { parseSfnt } from './assemble/sfnt.ts';
import { ASSET_PATHS, FONT_TYPE, loadAssets, stylesheet, type Asset } from './assets.ts';
import { prunedFont, textCharacters } from './font-prune.ts';
import { fontFiles, loadFonts, type FontFiles } from './fonts.ts';
import type { KeptPrint, PrintStore } from './print-cache.ts';

/** The assets a print session serves, and the pruned fonts among them, for the store to keep. */
export interface ServedAssets {
  assets: Map<string, Asset>;
  fonts: KeptPrint[];
}

const FONTS = [
  [ASSET_PATHS.regular, 'regular'],
  [ASSET_PATHS.bold, 'bold'],
] as const satisfies readonly (readonly [string, keyof FontFiles])[];

/**
 * The key a font pruned to `characters` is kept under: the font file as installed, the
 * characters, and the store's salt (the code that unmaps its aliases and prunes it).
 */
async function prunedKeys(characters: ReadonlySet<number>, store: PrintStore | undefined): Promise<Map<string, string>> {
  const files = await fontFiles();
  const text = String.fromCodePoint(...[...characters].sort((a, b) => a - b));
  return new Map(FONTS.map(([path, font]) => [path, hashOf(store?.salt ?? '', 'pruned font', path, sha256Once(files[font]), text)]));
}

/** What a session's text and the stylesheet can come to (textCharacters). */
async function sessionCharacters(text: readonly string[]): Promise<{ css: Asset; characters: Set<number> }> {
  const css = await stylesheet();
  return { css, characters: textCharacters([...text, new TextDecoder().decode(css.body)].join('')) };
}

/** A font the store holds, if it reads as a TrueType font with outlines; else null (pruned again). */
async function storedFont(store: PrintStore | undefined, key: string): Promise<Uint8Array | null> {
  const bytes = (await store?.get(key, 'ttf')) ?? null;
  if (!bytes) return null;
  try {
    const tables = parseSfnt(bytes).tables;
    return ['head', 'loca', 'glyf', 'maxp', 'cmap'].every((tag) => tables.has(tag)) ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * The assets of a session that prints `text`: the stylesheet, and each font pruned to the glyphs
 * the text and the stylesheet can come to (font-prune.ts), whole without a text. Pruning reads
 * the whole font (5 MB, 17,000 glyphs) and takes a good part of a second: a font the store holds
 * for the same characters is taken from there, and a rebuild whose text kept its characters (a
 * figure changed) prunes nothing.
 */
export async function servedAssets(text: readonly string[] | null, store?: PrintStore): Promise<ServedAssets> {
  if (!text) return { assets: await loadAssets(), fonts: [] };
  const { css, characters } = await sessionCharacters(text);
  const keys = await prunedKeys(characters, store);
  const assets = new Map<string, Asset>([[ASSET_PATHS.css, css]]);
  const fonts: KeptPrint[] = [];
  for (const [path, font] of FONTS) {
    const key = keys.get(path)!;
    const bytes = (await storedFont(store, key)) ?? prunedFont((await loadFonts())[font], characters);
    assets.set(path, { contentType: FONT_TYPE, body: bytes });
    fonts.push({ key, type: 'ttf', bytes });
  }
  return { assets, fonts };
}

/** The pruned fonts the store holds for `text`, for a session that printed nothing to keep them all the same. */
export async function storedFonts(text: readonly string[], store: PrintStore): Promise<KeptPrint[]> {
  const keys = await prunedKeys((await sessionCharacters(text)).characters, store);
  const found = await Promise.all(FONTS.map(async ([path]) => ({ key: keys.get(path)!, bytes: await storedFont(store, keys.get(path)!) })));
  return found.flatMap(({ key, bytes }) => (bytes ? [{ key, type: 'ttf' as const, bytes }] : []));
}
