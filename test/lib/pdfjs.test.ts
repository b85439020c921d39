import { describe, expect, it } from 'vitest';
import { loadPdfjs } from '../../pipeline/lib/pdfjs.ts';
import { pageTexts, withPdf } from '../../pipeline/render-pdf/pdf-read.ts';
import { textToPdf } from '../helpers/make-pdf.ts';

describe('loadPdfjs', () => {
  it('leaves the built-ins of the process as they were, and pdfjs still reads Japanese', async () => {
    // on Node 20 both bundles of pdfjs-dist's legacy build replace these with slower JavaScript (core-js)
    const before = { parse: JSON.parse, stringify: JSON.stringify, push: Array.prototype.push };
    const pdfjs = await loadPdfjs();
    expect(await loadPdfjs()).toBe(pdfjs);
    expect(JSON.parse).toBe(before.parse);
    expect(JSON.stringify).toBe(before.stringify);
    expect(Array.prototype.push).toBe(before.push);
    const texts = await withPdf(new Uint8Array(await textToPdf([['地域おこし協力隊　R6当初予算額：248百万円']])), pageTexts);
    expect(texts.join('')).toContain('地域おこし協力隊');
    // the worker ran in this thread, from the module loaded above: still the native built-ins
    expect(JSON.stringify).toBe(before.stringify);
  });
});
