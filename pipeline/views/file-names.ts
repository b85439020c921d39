import type { Program } from '../../schemas/briefing.ts';

const SAFE_STEM = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CIRCLED_ONE = 0x2460;

/** "1" → "01", "21-③" → "21-03": sorts like the contact list. Null for a number of another shape. */
export function programNumberKey(no: string): string | null {
  const m = /^(\d{1,3})(?:-([①-⑳]))?$/.exec(no);
  if (!m) return null;
  const main = m[1]!.padStart(2, '0');
  if (!m[2]) return main;
  return `${main}-${String(m[2].codePointAt(0)! - CIRCLED_ONE + 1).padStart(2, '0')}`;
}

/**
 * The file stem of a program document: "01-chiiki-okoshi-kyoryokutai", from its number and the
 * slug the manifest gives it; a program without a slug gets "program-21-03", so no file name ever
 * comes from source text.
 */
export function programFileStem(program: Pick<Program, 'no' | 'slug' | 'order'>): string {
  const key = programNumberKey(program.no) ?? `order-${String(program.order).padStart(2, '0')}`;
  const stem = program.slug ? `${key}-${program.slug}` : `program-${key}`;
  // the manifest's schema checks slugs, but a hand-made briefing.json must not reach the file system either
  return SAFE_STEM.test(stem) ? stem : `program-${key}`;
}

/** Stems for all programs, in order; a stem taken twice gets "-2", "-3" so that no document overwrites another. */
export function programFileStems(programs: readonly Pick<Program, 'no' | 'slug' | 'order'>[]): string[] {
  const taken = new Set<string>();
  return programs.map((p) => {
    const base = programFileStem(p);
    let stem = base;
    for (let n = 2; taken.has(stem); n++) stem = `${base}-${n}`;
    taken.add(stem);
    return stem;
  });
}

/** The folder of the program documents in an edition's output. */
export const PROGRAMS_DIR = 'programs';

/** Where a program's document is, relative to the edition folder: "programs/01-chiiki-okoshi-kyoryokutai.md". */
export function programDocumentPath(stem: string): string {
  return `${PROGRAMS_DIR}/${stem}.md`;
}

/** The document paths of all programs, in order (the workbook links its rows to them). */
export function programDocumentPaths(programs: readonly Pick<Program, 'no' | 'slug' | 'order'>[]): string[] {
  return programFileStems(programs).map(programDocumentPath);
}

/** Where the PDF stage puts the chart of a series, relative to the program document. */
export function chartSource(stem: string, seriesId: string): string {
  const id = seriesId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'series';
  return `charts/${stem}--${id}.svg`;
}
