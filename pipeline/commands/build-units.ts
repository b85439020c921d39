import { z } from 'zod';
import type { Briefing } from '../../schemas/briefing.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { hashOf, type RenderUnit } from '../build/build-state.ts';
import type { OutputFile } from '../build/write.ts';
import { codeHash } from '../build/code-hash.ts';
import { browserVersion, findBrowser } from '../lib/browser-path.ts';
import { readerChanges, type ReaderChanges } from '../diff/entries.ts';
import { PackVerificationError } from '../lib/errors.ts';
import type { KeptCharts, KeptPrint, PageReadings, PrintStore, SharedBrowser } from '../render-pdf/index.ts';
import { programView } from '../views/program-view.ts';
import type { BuildOptions } from './build.ts';
import type { PreviousEdition } from './previous-edition.ts';

export interface BuildContext {
  briefing: Briefing;
  report: ValidationReport;
  manifest: Manifest;
  options: BuildOptions;
  /** the source text and the checks file, for the staff report's listings */
  sourceText: string;
  checksText: string | null;
  /** the edition the manifest names as the previous one, if it does */
  previous: PreviousEdition | null;
  /** an output of this build: as rendered by an earlier unit of it, else as written by an earlier build */
  output(path: string): Promise<Uint8Array>;
  /** a file an earlier build wrote, if it is still there as written (its checksum as the build state recorded it); else null */
  earlier(path: string): Promise<Uint8Array | null>;
  /** the browser every unit that prints prints with, each in a window of its own (made on the first call); the build closes it */
  browser(): Promise<SharedBrowser>;
}

/**
 * Where a build keeps the prints its PDFs were made from, and the fonts pruned for them, by key: a
 * part whose HTML did not change is not printed again, a session whose text has the same characters prunes nothing.
 */
const PRINTS_DIR = '.prints';

/** The prints a build keeps, as the files of the unit that used them; and the store that finds them again. */
function printFiles(prints: readonly KeptPrint[]) {
  return prints.map((p) => ({ path: `${PRINTS_DIR}/${p.key}.${p.type}`, content: p.bytes }));
}
/** None when the build is forced: everything is printed (and pruned) again. */
const printStore = (ctx: BuildContext): PrintStore | undefined =>
  ctx.options.force ? undefined : { salt: codeHash(['pipeline/render-pdf/index.ts']), get: (key, type = 'pdf') => ctx.earlier(`${PRINTS_DIR}/${key}.${type}`) };

/** Where a unit keeps what its pages read as, by their content hash, for the next build. */
const readingsPath = (unit: string) => `${PRINTS_DIR}/${unit}.readings.json`;
/** What a kept record of readings or charts holds: strings by key. */
const KeptStrings = z.record(z.string(), z.string());

/**
 * What the pages a unit read back in the last build read as: a page of the same bytes is not read
 * again. Empty when the build is forced, or the file is gone, altered (the build state's checksum)
 * or not readings.
 */
async function pageReadings(ctx: BuildContext, unit: string): Promise<PageReadings> {
  const { PageReadings } = await import('../render-pdf/index.ts');
  return new PageReadings(codeHash(['pipeline/render-pdf/index.ts']), await keptRecord(ctx, readingsPath(unit)));
}

/** A record of strings by key a build kept (readings, charts), as the last build wrote it; empty when forced, gone, altered or not such a record: every entry is made again. */
async function keptRecord(ctx: BuildContext, path: string): Promise<Record<string, string>> {
  const bytes = ctx.options.force ? null : await ctx.earlier(path);
  try {
    return bytes ? KeptStrings.parse(JSON.parse(new TextDecoder().decode(bytes))) : {};
  } catch {
    return {};
  }
}

const readingsFile = (unit: string, readings: PageReadings) => ({ path: readingsPath(unit), content: JSON.stringify(readings.kept()) + '\n' });

/** Where the packs' charts are kept, by what they are drawn from, for the next build. */
const CHARTS_PATH = `${PRINTS_DIR}/packs.charts.json`;
async function keptCharts(ctx: BuildContext): Promise<KeptCharts> {
  const { KeptCharts } = await import('../render-pdf/index.ts');
  return new KeptCharts(codeHash(['pipeline/render-pdf/index.ts']), await keptRecord(ctx, CHARTS_PATH));
}

/**
 * The browser that prints the packs, by its reported version (a wrapper script's size says
 * nothing); found without loading the PDF renderer, so that a rebuild with nothing new stays quick.
 */
async function browserIdentity(): Promise<string> {
  try {
    const choice = await findBrowser();
    return `${choice.path} ${await browserVersion(choice)}`;
  } catch (err) {
    return `none: ${(err as Error).message}`;
  }
}

const json = (path: string, data: unknown): RenderUnit => {
  const content = JSON.stringify(data, null, 2) + '\n';
  return { id: path, inputHash: hashOf(content), render: async () => [{ path, content }] };
};

/** The outputs of a build, each with the inputs it depends on. */
export async function renderUnits(ctx: BuildContext): Promise<RenderUnit[]> {
  const { briefing, report, manifest } = ctx;
  const packs = await packUnits(ctx);
  const workbook: RenderUnit = {
    id: 'contacts.xlsx',
    inputHash: hashOf(codeHash(['pipeline/render-excel/index.ts']), briefing, report, manifest, ctx.previous?.fingerprint ?? null),
    // Renderers load their heavy libraries only when there is something to render.
    render: async () => [{ path: 'contacts.xlsx', content: await (await import('../render-excel/index.ts')).renderContactsWorkbook(briefing, report, manifest, (await ctx.previous?.changes()) ?? null) }],
  };
  return [
    // first: the longest to render, it starts printing while the others render
    ...packs,
    json('briefing.json', briefing),
    json('validation.json', report),
    ...(await reportUnits(ctx)),
    ...markdownUnits(ctx),
    workbook,
    // last: it gathers the packs and the workbook, as rendered now or as written before
    ...deliveryUnits(ctx, packs[0] ?? null, workbook),
  ];
}

/**
 * One folder and one zip per prefecture (its pack, the workbook, its cover letter, checksums) and
 * the distribution manifest: rendered again when the packs or the workbook are, or when the
 * letters' own inputs change. None without packs.
 */
function deliveryUnits(ctx: BuildContext, packs: RenderUnit | null, workbook: RenderUnit): RenderUnit[] {
  if (!packs) return [];
  const { briefing, manifest } = ctx;
  return [
    {
      id: 'delivery',
      prints: true,
      after: [packs.id, workbook.id],
      inputHash: hashOf(codeHash(['pipeline/render-delivery/index.ts', 'pipeline/render-pdf/index.ts']), packs.inputHash, workbook.inputHash, manifest, ctx.previous?.fingerprint ?? null),
      render: async () => {
        const [{ printLetters, PacksManifest }, { assembleDelivery }] = await Promise.all([import('../render-pdf/index.ts'), import('../render-delivery/index.ts')]);
        const prefectures = PacksManifest.parse(JSON.parse(new TextDecoder().decode(await ctx.output('packs.json')))).packs.filter((p) => p.recipient !== null);
        const readings = await pageReadings(ctx, 'delivery');
        const printed = await printLetters({ briefing, manifest, changes: (await ctx.previous?.changes()) ?? null, packs: prefectures }, { store: printStore(ctx), readings, shared: await ctx.browser() });
        if (printed.problems.length > 0) throw new PackVerificationError({ ok: false, problems: printed.problems.map((message) => ({ pack: 'delivery', check: 'letter', message })) });
        const inputs = await Promise.all(
          prefectures.map(async (p) => ({ id: p.id, recipient: p.recipient!, prefectureCode: p.prefectureCode!, pack: await ctx.output(p.files[0]!.path), letter: printed.letters.get(p.id)! })),
        );
        return [...(await assembleDelivery(manifest, await ctx.output('contacts.xlsx'), inputs)), ...printFiles(printed.prints), readingsFile('delivery', readings)];
      },
    },
  ];
}

/** What the program documents list of the changes since the previous edition, compared only when a document is rendered. */
async function documentChanges(ctx: BuildContext): Promise<ReaderChanges | null> {
  const diff = (await ctx.previous?.changes()) ?? null;
  return diff && readerChanges(diff, ctx.briefing);
}

/** The program documents, their charts and their index: each program its own unit, so editing one leaves the others alone. */
function markdownUnits(ctx: BuildContext): RenderUnit[] {
  const { briefing, report, manifest } = ctx;
  const markdownCode = codeHash(['pipeline/render-markdown/index.ts']);
  // Program documents do not carry the file checksum, so editing one program leaves the others alone.
  const edition = { ...manifest, source: { file: manifest.source.file } };
  let markdown: Promise<typeof import('../render-markdown/index.ts')> | null = null;
  const loadMarkdown = () => (markdown ??= import('../render-markdown/index.ts'));
  // each document rendered only by its own unit: a rebuild after one figure changed renders one
  let documents: Promise<import('../render-markdown/index.ts').ProgramDocuments> | null = null;
  const programDocuments = () => (documents ??= Promise.all([loadMarkdown(), documentChanges(ctx)]).then(([m, changes]) => m.programDocuments(briefing, report, manifest, changes)));
  const previous = ctx.previous?.fingerprint ?? null;
  const programUnits: RenderUnit[] = briefing.programs.map((p) => ({
    id: `programs/${p.no}`,
    inputHash: hashOf(markdownCode, edition, programView(briefing, report, p), previous),
    render: async () => {
      const doc = (await programDocuments()).document(p.no);
      return [{ path: doc.path, content: doc.markdown }];
    },
  }));
  const chartUnit: RenderUnit = {
    id: 'programs/charts',
    inputHash: hashOf(markdownCode, codeHash(['pipeline/views/chart.ts', 'pipeline/views/series-target.ts']), edition, briefing.series, briefing.dates, briefing.quantities.filter((q) => /目標/.test(q.context))),
    // The charts the program documents reference, drawn by the same code as the PDF packs.
    render: async () => {
      const [{ seriesChartSvg }, { seriesTarget }] = await Promise.all([import('../views/chart.ts'), import('../views/series-target.ts')]);
      return (await programDocuments()).entries.flatMap((doc) =>
        doc.frontMatter.charts.map((chart) => {
          const series = briefing.series.find((s) => s.id === chart.series)!;
          const view = programView(briefing, report, briefing.programs.find((p) => p.no === doc.program)!);
          const drawn = view.slides.flatMap((s) => s.blocks.flatMap((b) => b.charts)).find((c) => c.series.id === series.id)!;
          return { path: `programs/${chart.src}`, content: seriesChartSvg(series, seriesTarget(briefing, series), { title: `${drawn.figure.number} ${drawn.figure.text}`, description: drawn.description }) };
        }),
      );
    },
  };
  const indexUnit: RenderUnit = {
    id: 'programs/index.md',
    inputHash: hashOf(markdownCode, edition, briefing.programs, briefing.budgets, report.checks),
    render: async () => {
      const m = await loadMarkdown();
      const index = m.renderIndexDocument(briefing, report, manifest, (await programDocuments()).entries);
      return [{ path: index.path, content: index.markdown }];
    },
  };
  return [...programUnits, chartUnit, indexUnit];
}

/**
 * The PDF packs, national and per prefecture, made and verified together: rendered again when any
 * of their inputs changed, but a part of them whose HTML is unchanged (the front matters, when a
 * figure of the body changed) comes from the last build's prints.
 */
async function packUnits(ctx: BuildContext): Promise<RenderUnit[]> {
  const { briefing, report, manifest, options } = ctx;
  if (options.packs === false) return [];
  return [
    {
      id: 'packs',
      prints: true,
      inputHash: hashOf(
        codeHash(['pipeline/render-pdf/index.ts']),
        await browserIdentity(),
        briefing,
        report,
        manifest,
        ctx.previous?.fingerprint ?? null,
      ),
      render: () => renderPackFiles(ctx),
    },
  ];
}

/** The packs and their distribution files, verified, with the prints and page readings the next build may take. */
async function renderPackFiles(ctx: BuildContext): Promise<OutputFile[]> {
  const { briefing, report, manifest, options } = ctx;
  const { renderPacks } = await import('../render-pdf/index.ts');
  const changes = (await ctx.previous?.changes()) ?? null;
  const [readings, charts] = await Promise.all([pageReadings(ctx, 'packs'), keptCharts(ctx)]);
  const result = await renderPacks({ briefing, report, manifest, changes }, { onProgress: options.onPackProgress, store: printStore(ctx), readings, charts, shared: await ctx.browser() });
  if (!result.verification.ok) throw new PackVerificationError(result.verification);
  return [...result.files, ...printFiles(result.prints), readingsFile('packs', readings), { path: CHARTS_PATH, content: JSON.stringify(charts.kept()) + '\n' }];
}

/** The staff report: every check and finding, the lines they point at — never part of what prefectures read. */
async function reportUnits(ctx: BuildContext): Promise<RenderUnit[]> {
  const { briefing, report, manifest, options } = ctx;
  const reportCode = codeHash(['pipeline/report/html.ts']);
  const reportInput = { report, briefing, manifest, source: ctx.sourceText, checks: ctx.checksText };
  const html: RenderUnit = {
    id: 'validation.html',
    inputHash: hashOf(reportCode, report, briefing.programs, manifest, ctx.sourceText, ctx.checksText ?? ''),
    render: async () => [{ path: 'validation.html', content: (await import('../report/html.ts')).validationHtml({ ...reportInput, fullListings: true }) }],
  };
  if (options.packs === false) return [html];
  const pdf: RenderUnit = {
    id: 'validation-report.pdf',
    prints: true,
    inputHash: hashOf(reportCode, codeHash(['pipeline/render-pdf/index.ts']), await browserIdentity(), report, briefing.programs, manifest, ctx.sourceText, ctx.checksText ?? ''),
    render: async () => {
      const [{ validationReportParts }, { printReport, reportPrintOptions }] = await Promise.all([import('../report/html.ts'), import('../render-pdf/index.ts')]);
      const parts = validationReportParts({ ...reportInput, fullListings: false }, reportPrintOptions());
      const readings = await pageReadings(ctx, 'validation-report');
      const printed = await printReport(parts, [...report.checks.map((c) => c.id), ...report.findings.map((f) => f.checkId ?? f.ruleId)], { generatedAt: manifest.generatedAt, readings, shared: await ctx.browser(), store: printStore(ctx) });
      if (printed.problems.length > 0) throw new PackVerificationError({ ok: false, problems: printed.problems.map((message) => ({ pack: 'validation-report', check: 'report', message })) });
      return [{ path: 'validation-report.pdf', content: printed.pdf }, ...printFiles(printed.prints), readingsFile('validation-report', readings)];
    },
  };
  return [html, pdf];
}

