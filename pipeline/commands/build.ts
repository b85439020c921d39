import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { VFile } from 'vfile';
import { Briefing } from '../../schemas/briefing.ts';
import type { ValidationReport } from '../../schemas/validation.ts';
import { hashOf, readState, recordUnit, stateFile, upToDate, type RenderUnit } from '../build/build-state.ts';
import { codeHash } from '../build/code-hash.ts';
import { acquireLock } from '../build/lock.ts';
import { programView } from '../views/program-view.ts';
import type { Manifest } from '../../schemas/manifest.ts';
import { ensureWritableRoot, onOutput, realFolder } from '../build/out-dir.ts';
import { recoverOutput, writeStaged } from '../build/staged-write.ts';
import type { OutputFile } from '../build/write.ts';
import { readAndValidate } from './validate.ts';
import { parseEdition } from './diff.ts';
import type { EditionDiff } from '../../schemas/diff.ts';
import { diffEditions } from '../diff/index.ts';
import { exists } from '../lib/fs.ts';
import { resolveSource, type ResolvedSource } from '../source.ts';
import { sourceLines } from '../validate/source-lines.ts';
import { BriefingError, PackVerificationError } from '../lib/errors.ts';
import { PROJECT_ROOT } from '../lib/paths.ts';

export interface BuildOptions {
  source?: string;
  checks?: string;
  out: string;
  /** write even when the validation found errors */
  allowErrors?: boolean;
  /** render every output even when its inputs did not change */
  force?: boolean;
  /** render the PDF packs (default true) */
  packs?: boolean;
  /** called as each PDF pack is printed */
  onPackProgress?: (done: number, total: number, name: string) => void;
}

export interface BuildResult {
  file: VFile;
  briefing: Briefing;
  report: ValidationReport;
  outDir: string;
  written: string[];
  unchanged: string[];
  /** units whose inputs did not change, so they were not rendered */
  skipped: string[];
  /** true when errors stopped the build before anything was written */
  refused: boolean;
}

interface BuildContext {
  briefing: Briefing;
  report: ValidationReport;
  manifest: Manifest;
  options: BuildOptions;
  /** the source text and the checks file, for the staff report's listings */
  sourceText: string;
  checksText: string | null;
  /** the edition the manifest names as the previous one, if it does */
  previous: PreviousEdition | null;
}

/** The previous edition the manifest names: a cheap fingerprint for the cache key, the comparison only when it is rendered. */
interface PreviousEdition {
  fingerprint: string;
  changes(): Promise<EditionDiff | null>;
}

/**
 * The edition the manifest names as the previous one (sources/<previous>/ beside this edition's
 * folder, else the project's): its manifest and source bytes key the outputs that list the
 * changes; the comparison itself (a parse of last year's briefing) runs only when such an output
 * is rendered, so a rebuild with nothing new parses nothing. One that cannot be read is a warning:
 * the outputs leave the changes out.
 */
async function previousEdition(resolved: ResolvedSource, briefing: Briefing, text: string, file: VFile): Promise<PreviousEdition | null> {
  const previous = resolved.manifest.previous;
  if (!previous) return null;
  const skip = (why: string) => {
    const msg = file.message(`the previous edition "${previous}" that manifest.yaml names cannot be read (${why}): the workbook has no 変更点 sheet`, { ruleId: 'previous-edition', source: 'briefing-build' });
    msg.fatal = false;
    return null;
  };
  const refused = (err: unknown) => {
    if (err instanceof BriefingError) return skip(err.message);
    throw err;
  };
  // an edition folder, never a folder of the working directory that happens to bear the id (out/r6)
  const folders = [...(resolved.manifestPath ? [join(dirname(dirname(resolved.manifestPath)), previous)] : []), join(PROJECT_ROOT, 'sources', previous)];
  const folder = (await Promise.all(folders.map(async (f) => ((await exists(join(f, 'manifest.yaml'))) ? f : null)))).find((f) => f !== null);
  if (!folder) return skip(`no sources/${previous}/manifest.yaml`);
  let fingerprint: string;
  try {
    const last = await resolveSource(folder);
    fingerprint = hashOf(last.manifest, createHash('sha256').update(await readFile(last.sourcePath)).digest('hex'));
  } catch (err) {
    return refused(err);
  }
  let compared: Promise<EditionDiff | null> | null = null;
  const changes = () => (compared ??= parseEdition(folder).then((from) => diffEditions(from, { briefing, lineText: sourceLines({ text }).lineText }), refused));
  return { fingerprint, changes };
}

/** The browser that prints the packs, by its reported version (a wrapper script's size says nothing). */
async function browserIdentity(): Promise<string> {
  const { browserVersion, findBrowser } = await import('../render-pdf/index.ts');
  try {
    const choice = await findBrowser();
    return `${choice.path} ${browserVersion(choice)}`;
  } catch (err) {
    return `none: ${(err as Error).message}`;
  }
}

const json = (path: string, data: unknown): RenderUnit => {
  const content = JSON.stringify(data, null, 2) + '\n';
  return { id: path, inputHash: hashOf(content), render: async () => [{ path, content }] };
};

/** The outputs of a build, each with the inputs it depends on. */
async function renderUnits(ctx: BuildContext): Promise<RenderUnit[]> {
  const { briefing, report, manifest } = ctx;
  return [
    json('briefing.json', briefing),
    json('validation.json', report),
    ...(await reportUnits(ctx)),
    ...markdownUnits(ctx),
    ...(await packUnits(ctx)),
    {
      id: 'contacts.xlsx',
      inputHash: hashOf(codeHash(['pipeline/render-excel/index.ts']), briefing, report, manifest, ctx.previous?.fingerprint ?? null),
      // Renderers load their heavy libraries only when there is something to render.
      render: async () => [{ path: 'contacts.xlsx', content: await (await import('../render-excel/index.ts')).renderContactsWorkbook(briefing, report, manifest, (await ctx.previous?.changes()) ?? null) }],
    },
  ];
}

/** The program documents, their charts and their index: each program its own unit, so editing one leaves the others alone. */
function markdownUnits(ctx: BuildContext): RenderUnit[] {
  const { briefing, report, manifest } = ctx;
  const markdownCode = codeHash(['pipeline/render-markdown/index.ts']);
  // Program documents do not carry the file checksum, so editing one program leaves the others alone.
  const edition = { ...manifest, source: { file: manifest.source.file } };
  let markdown: Promise<typeof import('../render-markdown/index.ts')> | null = null;
  const loadMarkdown = () => (markdown ??= import('../render-markdown/index.ts'));
  let documents: Promise<import('../render-markdown/index.ts').ProgramDocument[]> | null = null;
  const renderDocuments = () => (documents ??= loadMarkdown().then((m) => m.renderProgramDocuments(briefing, report, manifest)));
  const programUnits: RenderUnit[] = briefing.programs.map((p) => ({
    id: `programs/${p.no}`,
    inputHash: hashOf(markdownCode, edition, programView(briefing, report, p)),
    render: async () => {
      const doc = (await renderDocuments()).find((d) => d.program === p.no)!;
      return [{ path: doc.path, content: doc.markdown }];
    },
  }));
  const chartUnit: RenderUnit = {
    id: 'programs/charts',
    inputHash: hashOf(markdownCode, codeHash(['pipeline/views/chart.ts', 'pipeline/views/series-target.ts']), edition, briefing.series, briefing.dates, briefing.quantities.filter((q) => /目標/.test(q.context))),
    // The charts the program documents reference, drawn by the same code as the PDF packs.
    render: async () => {
      const [{ seriesChartSvg }, { seriesTarget }] = await Promise.all([import('../views/chart.ts'), import('../views/series-target.ts')]);
      return (await renderDocuments()).flatMap((doc) =>
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
      const index = m.renderIndexDocument(briefing, report, manifest, await renderDocuments());
      return [{ path: index.path, content: index.markdown }];
    },
  };
  return [...programUnits, chartUnit, indexUnit];
}

/** The PDF packs, national and per prefecture, printed and verified together. */
async function packUnits(ctx: BuildContext): Promise<RenderUnit[]> {
  const { briefing, report, manifest, options } = ctx;
  if (options.packs === false) return [];
  return [
    {
      id: 'packs',
      inputHash: hashOf(
        codeHash(['pipeline/render-pdf/index.ts']),
        await browserIdentity(),
        briefing,
        report,
        manifest,
      ),
      render: async () => {
        const { renderPacks } = await import('../render-pdf/index.ts');
        const result = await renderPacks({ briefing, report, manifest }, { onProgress: options.onPackProgress });
        if (!result.verification.ok) throw new PackVerificationError(result.verification);
        return result.files;
      },
    },
  ];
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
    inputHash: hashOf(reportCode, codeHash(['pipeline/render-pdf/index.ts']), await browserIdentity(), report, briefing.programs, manifest, ctx.sourceText, ctx.checksText ?? ''),
    render: async () => {
      const [{ validationHtml }, { printReport, reportPrintOptions }] = await Promise.all([import('../report/html.ts'), import('../render-pdf/index.ts')]);
      const printable = validationHtml({ ...reportInput, fullListings: false }, reportPrintOptions());
      const printed = await printReport(printable, [...report.checks.map((c) => c.id), ...report.findings.map((f) => f.checkId ?? f.ruleId)], { generatedAt: manifest.generatedAt });
      if (printed.problems.length > 0) throw new PackVerificationError({ ok: false, problems: printed.problems.map((message) => ({ pack: 'validation-report', check: 'report', message })) });
      return [{ path: 'validation-report.pdf', content: printed.pdf }];
    },
  };
  return [html, pdf];
}

/**
 * read → parse → validate → render → write, in that order: nothing is written before all is
 * known. Outputs whose inputs did not change are not rendered again; one build at a time may
 * write an output folder, and it replaces the folder's set of outputs whole (staged, then swapped).
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  // a folder that cannot take the outputs is refused before any work
  await ensureWritableRoot(options.out);
  const { resolved, file, briefing: parsed, report, input, checks } = await readAndValidate(options);
  // through the schema once more: it writes briefing.json's keys in the schema's order
  const briefing = Briefing.parse(parsed);
  const outDir = join(options.out, resolved.manifest.edition);
  const result: BuildResult = { file, briefing, report, outDir, written: [], unchanged: [], skipped: [], refused: false };
  if (report.summary.errors > 0 && !options.allowErrors) return { ...result, refused: true };

  // the folder itself, links followed: one lock, one staging place, however it is named
  const folder = await realFolder(outDir);
  const lock = await onOutput(outDir, 'taking the build lock', () => acquireLock(folder));
  try {
    await onOutput(outDir, 'cleaning up after an earlier build', () => recoverOutput(folder));
    const state = await readState(folder);
    const files: OutputFile[] = [];
    const previous = await previousEdition(resolved, briefing, input.text, file);
    for (const unit of await renderUnits({ briefing, report, manifest: resolved.manifest, options, sourceText: input.text, checksText: checks?.text ?? null, previous })) {
      if (!options.force && (await upToDate(folder, unit, state))) {
        result.skipped.push(unit.id);
        continue;
      }
      const rendered = await unit.render();
      recordUnit(state, unit, rendered);
      files.push(...rendered);
    }
    files.push(stateFile(state));
    const { written, unchanged } = await writeStaged(folder, files);
    result.written = written.filter((p) => !p.startsWith('.'));
    result.unchanged = unchanged.filter((p) => !p.startsWith('.'));
  } finally {
    await lock.release();
  }
  return result;
}
