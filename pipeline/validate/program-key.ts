import type { Briefing } from '../../schemas/briefing.ts';

const numbers = new WeakMap<Briefing, Map<string, string>>();

/**
 * The contact-list number of the program a selector names: by its stable id (manifest) or, for a
 * program without one, by its number. An unknown key is returned as it is, so that it matches nothing.
 */
export function programNo(b: Briefing, key: string): string;
export function programNo(b: Briefing, key: string | undefined): string | undefined;
export function programNo(b: Briefing, key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  let byId = numbers.get(b);
  if (!byId) numbers.set(b, (byId = new Map(b.programs.flatMap((p) => (p.id ? [[p.id, p.no] as const] : [])))));
  return byId.get(key) ?? key;
}

/** How a selector names a program: its id where it has one (stable across editions), else its number. */
export function programKey(b: Briefing, no: string | null): string | null {
  if (no === null) return null;
  return b.programs.find((p) => p.no === no)?.id ?? no;
}

/** The programs as a selector may name them, for messages: "kyoryokutai (1), …, 22". */
export function programKeysList(b: Briefing): string {
  return b.programs.map((p) => (p.id ? `${p.id} (${p.no})` : p.no)).join(', ');
}

/** Whether a key names a program of the briefing (by id or by number). */
export function isProgramKey(b: Briefing, key: string): boolean {
  return b.programs.some((p) => p.id === key || p.no === key);
}
