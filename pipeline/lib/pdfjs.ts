import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
/** the installed pdfjs-dist: another version may read a page otherwise */
export const PDFJS_VERSION = (require('pdfjs-dist/package.json') as { version: string }).version;

/** pdfjs-dist drops Japanese text silently without its character maps. */
export const PDFJS_OPTIONS = {
  cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
  cMapPacked: true,
  standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  maxImageSize: 16 * 1024 * 1024,
  verbosity: 0,
} as const;

let loading: Promise<Pdfjs> | null = null;

/**
 * pdfjs-dist's legacy build (the one that runs on Node 20), loaded once with its worker. On Node 20
 * both bundles replace built-ins through core-js — JSON.parse and JSON.stringify (for a proposal
 * pdfjs does not use) and Array.prototype.push — with JavaScript versions up to 18 times slower,
 * for the whole process: every message puppeteer sends to the browser (a pack's HTML, 2 MB) went
 * through them. Node 22 has these natively and pdfjs keeps them; here the natives are put back
 * once both bundles are loaded. What the bundles add (Promise.withResolvers, Uint8Array base64…)
 * stays.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const natives = { parse: JSON.parse, stringify: JSON.stringify, push: Array.prototype.push };
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // Node has no web workers: pdfjs runs its worker in this thread, from this global when set
      const scope = globalThis as { pdfjsWorker?: unknown };
      // @ts-expect-error the worker bundle ships no type declarations
      scope.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return pdfjs;
    } finally {
      JSON.parse = natives.parse;
      JSON.stringify = natives.stringify;
      Array.prototype.push = natives.push;
    }
  })();
  return loading;
}
