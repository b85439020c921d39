import { readFile } from 'node:fs/promises';
import { fontFiles, loadFonts } from './fonts.ts';
import { sha256Once } from '../lib/checksums.ts';
import { templatesDir } from '../lib/paths.ts';

/** The fixed fake origin the renderer serves its own files from; .invalid never resolves (RFC 6761). */
export const ASSET_ORIGIN = 'https://briefing-pack.invalid';

export const ASSET_PATHS = {
  regular: '/fonts/NotoSansJP-Regular.ttf',
  bold: '/fonts/NotoSansJP-Bold.ttf',
  css: '/pack.css',
} as const;

export const TEMPLATE_DIR = templatesDir('pdf');

export interface Asset {
  contentType: string;
  body: Uint8Array;
}

export const FONT_TYPE = 'font/ttf';

/** Everything a pack page may load, by path on ASSET_ORIGIN: two fonts and one stylesheet. */
export async function loadAssets(templateDir = TEMPLATE_DIR): Promise<Map<string, Asset>> {
  const [fonts, css] = await Promise.all([loadFonts(), stylesheet(templateDir)]);
  return new Map<string, Asset>([
    [ASSET_PATHS.regular, { contentType: FONT_TYPE, body: fonts.regular }],
    [ASSET_PATHS.bold, { contentType: FONT_TYPE, body: fonts.bold }],
    [ASSET_PATHS.css, css],
  ]);
}

/** The stylesheet every pack page links to. */
export async function stylesheet(templateDir = TEMPLATE_DIR): Promise<Asset> {
  return { contentType: 'text/css; charset=utf-8', body: await readFile(`${templateDir}pack.css`) };
}

/**
 * What the assets are made from, path and checksum, for the key of a print: the stylesheet and
 * the font files as installed (what the renderer makes of a font before serving it is its code,
 * which a store's salt holds). Read without preparing the fonts.
 */
export async function assetSources(templateDir = TEMPLATE_DIR): Promise<[path: string, sha256: string][]> {
  const [files, css] = await Promise.all([fontFiles(), stylesheet(templateDir)]);
  const sources: [string, string][] = [
    [ASSET_PATHS.regular, sha256Once(files.regular)],
    [ASSET_PATHS.bold, sha256Once(files.bold)],
    [ASSET_PATHS.css, sha256Once(css.body)],
  ];
  return sources.sort(([a], [b]) => (a < b ? -1 : 1));
}

/** The URLs the layout links to. */
export function assetUrls(origin = ASSET_ORIGIN): Record<keyof typeof ASSET_PATHS, string> {
  return { regular: origin + ASSET_PATHS.regular, bold: origin + ASSET_PATHS.bold, css: origin + ASSET_PATHS.css };
}

/**
 * The page's own policy, a second wall behind request interception: nothing but the asset
 * origin's fonts and stylesheet, inline styles (charts), and no frames, objects, images or forms.
 */
export function contentSecurityPolicy(origin = ASSET_ORIGIN): string {
  return [
    "default-src 'none'",
    `style-src ${origin} 'unsafe-inline'`,
    `font-src ${origin}`,
    "img-src 'none'",
    "media-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
