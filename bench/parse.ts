// Prints the time of each parse stage on the bundled R6 briefing (median of N runs after warm-up).
import { VFile } from 'vfile';
import { parseBriefing, type StageTimes } from '../pipeline/parse/index.ts';
import { readSource, resolveSource } from '../pipeline/source.ts';

const runs = Number(process.argv[2] ?? 20);
const resolved = await resolveSource('r6');
const t0 = performance.now();
const input = await readSource(resolved, new VFile({ path: resolved.sourcePath }));
const ingestMs = performance.now() - t0;

const samples: (StageTimes & { total: number })[] = [];
let firstRun = 0;
for (let i = 0; i < runs + 3; i++) {
  const times = {} as StageTimes;
  const start = performance.now();
  parseBriefing(input, new VFile({ path: resolved.sourcePath }), times);
  const total = performance.now() - start;
  if (i === 0) firstRun = total;
  if (i >= 3) samples.push({ ...times, total });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cold = samples.length;
console.log(`parse of ${resolved.sourcePath} (${input.text.split('\n').length} lines), median of ${cold} runs after 3 warm-up runs`);
console.log(`  ingest (read + decode, once)  ${ingestMs.toFixed(1)} ms`);
console.log(`  first parse (cold)            ${firstRun.toFixed(1)} ms`);
for (const stage of ['normalize', 'segment', 'contacts', 'assign', 'extract', 'total'] as const) {
  console.log(`  ${stage.padEnd(29)} ${median(samples.map((s) => s[stage])).toFixed(1)} ms`);
}

// A PDF source: the same briefing as slide decks (test/helpers/slide-decks.ts: frames, two
// columns, ruled tables) printed by Chromium and exported by LibreOffice Impress — or the PDF
// given with --pdf. Reading a PDF (pdfjs text and drawing, then the layout) dominates: per page.
const pdfArg = process.argv.indexOf('--pdf');
if (!process.argv.includes('--text-only')) {
  const { readPdfText } = await import('../pipeline/parse/ingest-pdf.ts');
  const decks: [string, Uint8Array][] = [];
  if (pdfArg > 0) {
    const { readFile } = await import('node:fs/promises');
    decks.push([process.argv[pdfArg + 1]!, new Uint8Array(await readFile(process.argv[pdfArg + 1]!))]);
  } else {
    const { slideLines } = await import('../test/helpers/r6.ts');
    const { printSlidesWithChromium, exportSlidesWithImpress } = await import('../test/helpers/slide-decks.ts');
    const { removeTempDirs } = await import('../test/helpers/temp.ts');
    const briefing = parseBriefing(input, new VFile({ path: resolved.sourcePath }));
    const slides = briefing.slides.map((s) => slideLines(briefing, input.text, s.index));
    try {
      decks.push(['slide deck printed by Chromium', await printSlidesWithChromium(slides)]);
      decks.push(['slide deck exported by LibreOffice Impress', await exportSlidesWithImpress(slides)]);
    } finally {
      removeTempDirs();
    }
  }
  for (const [name, bytes] of decks) {
    await readPdfText(bytes, 'warm-up.pdf');
    const reads: number[] = [];
    const parses: number[] = [];
    let pages = 0;
    for (let i = 0; i < Math.max(3, Math.min(runs, 5)); i++) {
      const t = performance.now();
      const pdf = await readPdfText(bytes, 'deck.pdf');
      reads.push(performance.now() - t);
      pages = pdf.pageCount;
      const p = performance.now();
      parseBriefing({ text: pdf.text, pages: pdf.pages, boxes: pdf.boxes, format: 'pdf', encoding: 'pdf', bytes, manifest: input.manifest }, new VFile({ path: 'deck.pdf' }));
      parses.push(performance.now() - p);
    }
    const read = median(reads);
    const parse = median(parses);
    console.log(`PDF source: ${name} (${pages} pages, ${(bytes.length / 1024).toFixed(0)} KB), median of ${reads.length} runs`);
    console.log(`  read (pdfjs text + drawing, layout)  ${read.toFixed(0)} ms = ${(read / pages).toFixed(1)} ms per page`);
    console.log(`  parse of the rebuilt text            ${parse.toFixed(0)} ms = ${(parse / pages).toFixed(1)} ms per page`);
    console.log(`  in all                               ${((read + parse) / pages).toFixed(1)} ms per page`);
  }
}
