import type { Briefing } from '../../schemas/briefing.ts';
import { normalizeLine } from '../../pipeline/parse/normalize.ts';
import { mapChars } from '../../pipeline/parse/normalize-chars.ts';
import { withoutReadings } from '../../pipeline/parse/content/sheet.ts';
import { titleText } from '../../pipeline/parse/content/title.ts';
import { GLYPH_FALLBACK } from '../../pipeline/render-pdf/fonts.ts';

/**
 * How much of the briefing's prose a reader's output carries. A prose line is a source line of
 * 12+ characters, mostly kana and kanji, compared NFKC without white space. What an output
 * shows differently, for a reason, is compared as it is shown — each reason is stated here:
 *  - extraction defects (Kangxi radicals, private-use bullets, half-width kana, letter spacing)
 *    are repaired in the outputs: a line is compared as the parser repairs it;
 *  - 〜 and ～, ➃ and ④ are one glyph of the font, and pdfjs may read either; marks the font lacks are
 *    printed as the nearest mark it has (render-pdf/fonts.ts GLYPH_FALLBACK);
 *  - a slide title is printed without its decorative bullet, a page number glued to the last line
 *    of a slide is a page number;
 *  - the embedded spreadsheet is shown once, without the phonetic readings of its cells: the
 *    lines of its other copies are not expected;
 *  - the contact list and label–value pairs of a chart ("ニュージーランド, 187") are shown as
 *    tables: each of their cells is expected, not the line they shared.
 */
export interface Coverage {
  lines: number;
  covered: number;
  ratio: number;
  missing: { line: number; text: string }[];
}

export const fold = (text: string): string =>
  text
    .replace(/[➀-➉]/gu, (c) => String.fromCodePoint(c.codePointAt(0)! - 0x2780 + 0x2460))
    .normalize('NFKC')
    .replace(/[〜～~]/gu, '~')
    .replace(new RegExp(`[${Object.keys(GLYPH_FALLBACK).join('')}]`, 'gu'), (c) => GLYPH_FALLBACK[c]!.normalize('NFKC'))
    .replace(/\s+/g, '');

function isProse(line: string): boolean {
  const c = [...line.normalize('NFKC').replace(/\s+/g, '')];
  if (c.length < 12) return false;
  return c.filter((ch) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u.test(ch)).length / c.length >= 0.5;
}

/** The texts an output must hold for each prose line of the source, after the reasons above. */
export function expectedTexts(source: string, briefing: Briefing): { line: number; text: string; expect: string[] }[] {
  const lines = source.split('\n');
  const sheets = briefing.slides.flatMap((s) => s.blocks).filter((b) => b.kind === 'table' && b.role === 'sheet');
  const copies = sheets.flatMap((b) => (b.kind === 'table' ? b.copies : []));
  const canonical = sheets.map((b) => b.at);
  const contactSlides = briefing.slides.filter((s) => s.assignment.rule === 'contact-list');
  const titles = new Map(briefing.slides.filter((s) => s.titleAt).map((s) => [s.titleAt!.line, s]));
  const pairs = new Set(briefing.breakdowns.flatMap((b) => [...b.items, ...(b.total ? [b.total] : [])].map((i) => i.at.line)));
  const glued = new Set(briefing.notes.filter((n) => n.ruleId === 'segment-glued-page-number' && n.at).map((n) => n.at!.line));
  const out: { line: number; text: string; expect: string[] }[] = [];
  lines.forEach((raw, i) => {
    const no = i + 1;
    if (!isProse(raw)) return;
    if (copies.some((c) => no >= c.startLine && no <= c.endLine)) return;
    if (contactSlides.some((s) => no >= s.startLine && no <= s.endLine)) return;
    let text = normalizeLine(raw, no).text;
    if (canonical.some((at) => no >= at.line && no <= at.endLine)) text = raw.split('\t').map((cell) => withoutReadings(mapChars(cell).chars.join(''))).join('');
    if (titles.has(no)) text = titleText(text);
    if (glued.has(no)) text = text.replace(/\d{1,3}$/, '');
    const expect = pairs.has(no) ? text.split(/[,，]/).map((t) => t.trim()).filter(Boolean) : [text];
    out.push({ line: no, text: raw, expect: expect.map(fold) });
  });
  return out;
}

/** The cells of the contact list the outputs must hold: every program, department, person and phone. */
export function contactCells(briefing: Briefing): string[] {
  return briefing.programs.flatMap((p) => [p.name, ...p.departments.flatMap((d) => [d.name, ...d.people, ...d.phones])]).map(fold);
}

export function coverage(expected: ReturnType<typeof expectedTexts>, output: string): Coverage {
  const haystack = fold(output);
  const missing = expected.filter((e) => !e.expect.every((t) => haystack.includes(t))).map((e) => ({ line: e.line, text: e.text.trim() }));
  return { lines: expected.length, covered: expected.length - missing.length, ratio: (expected.length - missing.length) / expected.length, missing };
}
