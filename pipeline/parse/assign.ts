import { compact } from './normalize.ts';
import type { SlideSegment } from './segment.ts';

import type { AssignmentRule as Rule } from '../../schemas/briefing.ts';

/** How a slide was assigned to its program (schemas/briefing.ts). */
export type AssignmentRule = Rule;

export interface Assignment {
  program: string | null;
  rule: AssignmentRule;
  detail: string;
}

/** Generic endings of program names that slide titles leave out ("過疎対策について" → "過疎対策"). */
const GENERIC_SUFFIXES = [/について$/, /の推進$/, /の導入促進$/, /の促進$/, /の活用$/, /への支援$/, /の形成・運営$/, /制度$/, /事業$/, /のお願い$/];
const MIN_KEY = 4;
const MIN_BODY_MENTIONS = 2;

/** The form names are compared in: no white space, no quotation brackets. */
function matchForm(text: string): string {
  return compact(text).replace(/[「」『』"“”]/g, '');
}

interface Key {
  program: string;
  text: string;
  alias: boolean;
}

/** The phrases that identify a program: its name, the parts of a "A／B" name, and their stems. */
export function programKeys(name: string): string[] {
  const keys = new Set<string>();
  for (const part of [name, ...name.split('／')]) {
    let stem = matchForm(part);
    keys.add(stem);
    for (let changed = true; changed; ) {
      changed = false;
      for (const suffix of GENERIC_SUFFIXES) {
        const next = stem.replace(suffix, '');
        if (next !== stem && next.length >= MIN_KEY) {
          stem = next;
          keys.add(stem);
          changed = true;
        }
      }
    }
    const withoutParens = stem.replace(/（[^）]*）/g, '');
    if (withoutParens.length >= MIN_KEY) keys.add(withoutParens);
  }
  return [...keys].filter((k) => k.length >= MIN_KEY);
}

/**
 * Assign every slide to one program of the contact list, by these rules in order:
 *  1. title: the slide title contains a program's name (or the stem of it); the longest match wins;
 *  2. alias: the title contains a phrase the manifest declares for a program (programs[].aliases);
 *  3. body: the slide text names one program at least twice and more often than any other;
 *  4. continuation: the slide belongs to the program of the slide before it.
 * Every assignment by rules 3 and 4 is reported, so nothing is silently guessed.
 */
export function assignSlides(
  slides: SlideSegment[],
  programs: { no: string; name: string }[],
  aliases: readonly { program: string; phrases: readonly string[] }[],
  contactSlideIndexes: number[],
): Map<number, Assignment> {
  const keys: Key[] = [
    ...programs.flatMap((p) => programKeys(p.name).map((text) => ({ program: p.no, text, alias: false }))),
    ...aliases.flatMap((a) => a.phrases.map((text) => ({ program: a.program, text: matchForm(text), alias: true }))),
  ];
  const result = new Map<number, Assignment>();
  let previous: string | null = null;
  for (const slide of slides) {
    if (contactSlideIndexes.includes(slide.index)) {
      result.set(slide.index, { program: null, rule: 'contact-list', detail: 'the closing contact list' });
      continue;
    }
    const assignment = assignOne(slide, keys, previous);
    result.set(slide.index, assignment);
    previous = assignment.program ?? previous;
  }
  return result;
}

function assignOne(slide: SlideSegment, keys: Key[], previous: string | null): Assignment {
  const title = matchForm(slide.title);
  const inTitle = keys.filter((k) => title.includes(k.text)).sort((a, b) => b.text.length - a.text.length || Number(a.alias) - Number(b.alias));
  if (inTitle.length > 0) {
    const best = inTitle[0]!;
    return {
      program: best.program,
      rule: best.alias ? 'alias' : 'title',
      detail: best.alias ? `title contains the manifest alias "${best.text}"` : `title contains "${best.text}"`,
    };
  }
  const body = matchForm(slide.lines.map((l) => l.text).join(''));
  const counts = new Map<string, number>();
  for (const k of keys) {
    const n = body.split(k.text).length - 1;
    if (n > 0) counts.set(k.program, (counts.get(k.program) ?? 0) + n);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  // One passing mention ("地域運営組織等が行う…") does not make a slide a program's own.
  if (ranked.length > 0 && ranked[0]![1] >= MIN_BODY_MENTIONS && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1])) {
    const [program, n] = ranked[0]!;
    const others = ranked.slice(1).map(([p, c]) => `${p}×${c}`).join(', ');
    return { program, rule: 'body', detail: `the text names program ${program} ${n} time(s)${others ? ` (others: ${others})` : ''}` };
  }
  return {
    program: previous,
    rule: 'continuation',
    detail: previous
      ? `no program named${ranked.length ? ' unambiguously' : ''}: continues program ${previous} of the slide before`
      : 'no program named and no slide before',
  };
}
