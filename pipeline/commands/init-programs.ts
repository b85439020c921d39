import type { Program } from '../../schemas/briefing.ts';
import type { ManifestProgram } from '../../schemas/manifest.ts';
import { dice } from '../lib/bigrams.ts';
import { programNumberKey } from '../views/file-names.ts';

/** How the programs of the last edition's manifest meet the contact list of the new briefing. */
export interface ProgramsUpdate {
  /** the new manifest's programs, in the new contact list's order */
  entries: ManifestProgram[];
  /** kept under the same id with another number: [id, old number, new number] */
  renumbered: { id: string; from: string; to: string }[];
  /** a name not found, taken as renamed because it is the only close name left */
  renamed: { id: string; from: string; to: string }[];
  /** entries whose program the new contact list does not have */
  removed: ManifestProgram[];
  /** programs of the new list without an entry: given a proposed id, still to be named */
  added: { id: string; name: string; no: string }[];
}

/** Two names this alike (Dice on bigrams, common endings removed) are the same program renamed, when no other name is left for either. */
const RENAMED = 0.7;
/** Endings many program names share (「…対策の推進」「…事業」): alike only there is not alike. */
const COMMON_ENDINGS = /(?:の推進|の促進|について|への支援|の支援|対策|事業|制度|施策|等)+$/;

/**
 * The manifest's programs for the new edition: an entry whose name (or former name) the new
 * contact list prints keeps its id; of the rest, a pair of names alike enough is a renaming (the
 * old name goes to `formerly`); entries left are removed programs, programs left are new and get a
 * proposed id (`new-22`) for a person to choose a better one and a slug.
 */
export function updatePrograms(previous: readonly Pick<Program, 'no' | 'id'>[], entries: readonly ManifestProgram[], next: readonly Pick<Program, 'no' | 'name' | 'id'>[]): ProgramsUpdate {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const oldNo = new Map(previous.flatMap((p) => (p.id ? [[p.id, p.no] as const] : [])));
  const matched = new Set(next.flatMap((p) => (p.id ? [p.id] : [])));
  const left = entries.filter((e) => !matched.has(e.id));
  const renamed: ProgramsUpdate['renamed'] = [];
  const renamedTo = new Map<string, ManifestProgram>();
  const unnamed = next.filter((p) => p.id === null);
  for (const p of unnamed) {
    const scored = left.map((e) => ({ e, s: alike(e.name, p.name) })).sort((a, b) => b.s - a.s);
    const best = scored[0];
    if (!best || best.s < RENAMED || (scored[1] && scored[1].s >= RENAMED)) continue;
    // the other way round too: no other new name is as close to this entry
    if (unnamed.some((q) => q !== p && alike(best.e.name, q.name) >= best.s)) continue;
    left.splice(left.indexOf(best.e), 1);
    renamedTo.set(p.no, { ...best.e, name: p.name, formerly: [...(best.e.formerly ?? []), best.e.name] });
    renamed.push({ id: best.e.id, from: best.e.name, to: p.name });
  }
  const added: ProgramsUpdate['added'] = [];
  const taken = new Set(entries.map((e) => e.id));
  const out = next.map((p): ManifestProgram => {
    if (p.id) return byId.get(p.id)!;
    const re = renamedTo.get(p.no);
    if (re) return re;
    let id = `new-${programNumberKey(p.no) ?? p.no.replace(/[^0-9a-z]+/gi, '-').toLowerCase()}`;
    for (let n = 2; taken.has(id); n++) id = `new-${programNumberKey(p.no)}-${n}`;
    taken.add(id);
    added.push({ id, name: p.name, no: p.no });
    return { id, name: p.name };
  });
  const nextNo = new Map(next.map((p, i) => [out[i]!.id, p.no]));
  const renumbered = out.flatMap((e) => {
    const from = oldNo.get(e.id);
    const to = nextNo.get(e.id)!;
    return from !== undefined && from !== to ? [{ id: e.id, from, to }] : [];
  });
  return { entries: out, renumbered, renamed, removed: left, added };
}

/** Alike names: Dice on bigrams, with the endings many program names share taken off. */
function alike(a: string, b: string): number {
  return dice(a.replace(COMMON_ENDINGS, ''), b.replace(COMMON_ENDINGS, ''));
}

/** The review list's section on programs, in Markdown. */
export function programsReview(u: ProgramsUpdate, droppedChecks: readonly string[]): string[] {
  const none = ['(none)'];
  return [
    '## Programs',
    '',
    `Matched by name to the last edition's ids: ${u.renumbered.length} renumbered, ${u.renamed.length} renamed, ${u.removed.length} removed, ${u.added.length} new.`,
    '',
    '### Renumbered (same id, nothing to do)',
    '',
    ...(u.renumbered.length ? u.renumbered.map((r) => `- \`${r.id}\`: ${r.from} → ${r.to}`) : none),
    '',
    '### Renamed: the only close name left, kept under its id (the old name is in `formerly`) — check',
    '',
    ...(u.renamed.length ? u.renamed.map((r) => `- \`${r.id}\`: ${r.from} → ${r.to}`) : none),
    '',
    '### Removed: not in the new contact list (their entries and checks were dropped)',
    '',
    ...(u.removed.length ? u.removed.map((e) => `- \`${e.id}\`: ${e.name}`) : none),
    ...(droppedChecks.length ? ['', `Checks dropped with them: ${droppedChecks.map((c) => `\`${c}\``).join(', ')}.`] : []),
    '',
    '### New: give each an id and a slug in manifest.yaml (its documents are named program-NN until then)',
    '',
    ...(u.added.length ? u.added.map((a) => `- ${a.no} ${a.name}: proposed id \`${a.id}\`, no slug`) : none),
    '',
  ];
}
