import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { withoutTextAliases } from './font-cmap.ts';

/** The one font family of every pack: body, tables, margin boxes and chart text (templates/pdf/pack.css declares it). */
export const FONT_FAMILY = 'Briefing Noto Sans JP';

const require = createRequire(import.meta.url);

/** The static TrueType files of @expo-google-fonts/noto-sans-jp: a real bold, never a synthetic one. */
export const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
} as const;

export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** `make`'s promise, made on the first call and shared by the later ones; made again after it failed. */
function sharedUntilFailure<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => {
    if (!made) {
      made = make();
      made.catch(() => (made = null));
    }
    return made;
  };
}

/**
 * The font files as installed, read once a process: what a print's key and a pruned font's key
 * are taken from, and what a print's glyphs are checked against (unmapping aliases changes the
 * cmap alone, never an outline or a name).
 */
export const fontFiles: () => Promise<FontFiles> = sharedUntilFailure(async () => {
  const [regular, bold] = await Promise.all([readFile(FONT_FILES.regular), readFile(FONT_FILES.bold)]);
  return { regular, bold };
});

/**
 * The fonts as the renderer serves them: aliases unmapped, so the PDF text reads 目標 and 移住・交流,
 * not ⽬標 and 移住‧交流. Made once a process (every print session of a build that prunes or serves
 * them whole), made again after a failure.
 */
export const loadFonts: () => Promise<FontFiles> = sharedUntilFailure(async () => {
  const { regular, bold } = await fontFiles();
  return { regular: withoutTextAliases(regular), bold: withoutTextAliases(bold) };
});

/**
 * Characters of the briefing that Noto Sans JP has no glyph for, printed as the nearest mark it
 * has: Chromium sees no other font, and a missing glyph would print as nothing.
 */
// U+FFFD, a character the extraction could not read, prints as the geta mark 〓 of Japanese typesetting
export const GLYPH_FALLBACK: Readonly<Record<string, string>> = { '✔': '✓', '➢': '▶', '➤': '▶', '►': '▶', '▸': '▶', '◼': '■', '⅛': '1/8', '\uFFFD': '〓' };
const FALLBACK = new RegExp(`[${Object.keys(GLYPH_FALLBACK).join('')}]`, 'gu');

export function printable(text: string): string {
  return text.replace(FALLBACK, (c) => GLYPH_FALLBACK[c]!);
}
