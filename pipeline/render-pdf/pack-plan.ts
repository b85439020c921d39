import { PREFECTURES, type Prefecture } from '../units/prefectures.ts';

/** One PDF to produce: the national pack, or the pack addressed to one prefecture. */
export interface PackTarget {
  /** "national", or "<JIS code>-<slug>" such as "13-tokyo" */
  id: string;
  /** path relative to the pack root */
  path: string;
  prefecture: Prefecture | null;
}

export const NATIONAL_PACK_ID = 'national';
export const NATIONAL_PACK_PATH = 'briefing-pack.pdf';

/** "13-tokyo": the JIS X 0401 code keeps the files in the order prefectures are always listed in. */
export function prefecturePackId(p: Prefecture): string {
  return `${String(p.code).padStart(2, '0')}-${p.slug}`;
}

/** The national pack first, then the 47 prefectures in JIS order; `only` keeps the listed ids (tests, previews). */
export function packTargets(only?: readonly string[]): PackTarget[] {
  const all: PackTarget[] = [
    { id: NATIONAL_PACK_ID, path: NATIONAL_PACK_PATH, prefecture: null },
    ...PREFECTURES.map((p) => ({ id: prefecturePackId(p), path: `prefectures/${prefecturePackId(p)}.pdf`, prefecture: p })),
  ];
  if (!only) return all;
  const unknown = only.filter((id) => !all.some((t) => t.id === id));
  if (unknown.length > 0) throw new Error(`unknown pack id(s): ${unknown.join(', ')}; expected "${NATIONAL_PACK_ID}" or e.g. "13-tokyo"`);
  return all.filter((t) => only.includes(t.id));
}
