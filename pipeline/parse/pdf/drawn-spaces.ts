/**
 * Which spaces of a page's text a producer drew, and which pdfjs inferred from a gap. pdfjs's text
 * content turns both into " "; its operator list still has the glyphs as shown, space glyphs with
 * them. LibreOffice sets Japanese and Latin letters or digits apart by a quarter em (autospacing:
 * 「経費： 300 万円」, 「任期 2年目」, 「２ 7県」) with no space glyph: such a gap between a Japanese and a
 * Latin character is no space of the text; a space the producer drew (「数 31団体」) is.
 */

/** The letters of a page as drawn, in content order, each marking whether a space glyph came before it. */
export interface DrawnLetters {
  chars: string[];
  /** how many space glyphs were drawn right before each letter */
  spacesBefore: number[];
}

interface GlyphLike {
  unicode?: string;
}

/** The drawn letters of a page from its operator list (every showText's glyphs, in order). */
export function drawnLetters(fnArray: readonly number[], argsArray: readonly unknown[], showText: number): DrawnLetters {
  const out: DrawnLetters = { chars: [], spacesBefore: [] };
  let pending = 0;
  for (let i = 0; i < fnArray.length; i++) {
    if (fnArray[i] !== showText) continue;
    const glyphs = (argsArray[i] as unknown[])?.[0];
    if (!Array.isArray(glyphs)) continue;
    for (const g of glyphs as (GlyphLike | number | null)[]) {
      if (g === null || typeof g !== 'object') continue;
      const u = g.unicode ?? '';
      // a space by its text, not by isSpace: that is character code 32, which a subset font may give
      // any glyph (LibreOffice's 「興」)
      if (u.trim() === '') {
        pending += Math.max(1, u.length);
        continue;
      }
      for (const c of u) {
        if (c.trim() === '') continue;
        out.chars.push(c);
        out.spacesBefore.push(pending);
        pending = 0;
      }
    }
  }
  return out;
}

const ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60\u30fb\u2027\u2e80-\u2fdf]/u;
/** Latin letters, digits and ASCII punctuation, and the general punctuation LibreOffice sets as Latin (…, ※) */
const LATIN = /[\x21-\x7e\u2010-\u206f]/;

/** Between a Japanese character and a Latin letter or digit, either way round: where LibreOffice autospaces. */
export function isScriptBoundary(before: string, after: string): boolean {
  return (ASIAN.test(before) && LATIN.test(after)) || (LATIN.test(before) && ASIAN.test(after));
}

/**
 * Text items' strings with the spaces pdfjs inferred at a Japanese–Latin boundary taken out, when
 * the drawn letters show no space glyph there. Items are matched to the drawn letters in order,
 * skipping a few letters either side where they differ (a glyph without a text mapping, a
 * ligature pdfjs splits); a page where more than a tenth of the letters do not match is left as
 * pdfjs read it. With each item: how many space glyphs were drawn before its first letter (null:
 * not known).
 */
export function withoutInferredSpaces(strs: readonly string[], drawn: DrawnLetters): { strs: string[]; spacesBefore: (number | null)[] } {
  let p = 0;
  let letters = 0;
  let unmatched = 0;
  const spacesBefore: (number | null)[] = [];
  const out = strs.map((str) => {
    let first: number | null | undefined;
    let text = '';
    let spaces = '';
    for (const ch of str) {
      if (ch.trim() === '') {
        spaces += ch;
        continue;
      }
      letters++;
      let at = -1;
      for (let k = 0; k < 4 && p + k < drawn.chars.length; k++) {
        if (drawn.chars[p + k] === ch) {
          at = p + k;
          break;
        }
      }
      if (spaces) {
        const prev = text.at(-1) ?? '';
        const drawnSpaces = at >= 0 ? drawn.spacesBefore[at]! : -1;
        const autospace = drawnSpaces === 0 && isScriptBoundary(prev, ch);
        // as many spaces as were drawn (pdfjs makes one of 「T h e  J a p a n」's two)
        if (!autospace) text += drawnSpaces > spaces.length ? ' '.repeat(drawnSpaces) : spaces;
        spaces = '';
      }
      if (first === undefined) first = at >= 0 ? drawn.spacesBefore[at]! : null;
      if (at >= 0) p = at + 1;
      else unmatched++;
      text += ch;
    }
    spacesBefore.push(first ?? null);
    return text + spaces;
  });
  return unmatched > letters / 10 ? { strs: [...strs], spacesBefore: strs.map(() => null) } : { strs: out, spacesBefore };
}
