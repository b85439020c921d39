import { readFile } from 'node:fs/promises';
import { loadFonts } from './fonts.ts';
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

/** Everything a pack page may load, by path on ASSET_ORIGIN: two fonts and one stylesheet. */
export async function loadAssets(templateDir = TEMPLATE_DIR): Promise<Map<string, Asset>> {
  const fonts = await loadFonts();
  const css = await readFile(`${templateDir}pack.css`);
  return new Map<string, Asset>([
    [ASSET_PATHS.regular, { contentType: 'font/ttf', body: fonts.regular }],
    [ASSET_PATHS.bold, { contentType: 'font/ttf', body: fonts.bold }],
    [ASSET_PATHS.css, { contentType: 'text/css; charset=utf-8', body: css }],
  ]);
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
