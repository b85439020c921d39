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

let loading: Promise<FontFiles> | null = null;

/**
 * The fonts as the renderer serves them: aliases unmapped, so the PDF text reads 目標 and 移住・交流,
 * not ⽬標 and 移住‧交流. Made once a process (every print session of a build serves them; the
 * files are the installed package's), read again after a failure.
 */
export function loadFonts(): Promise<FontFiles> {
  loading ??= (async () => {
    const [regular, bold] = await Promise.all([readFile(FONT_FILES.regular), readFile(FONT_FILES.bold)]);
    return { regular: withoutTextAliases(regular), bold: withoutTextAliases(bold) };
  })().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

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
