/**
 * Character-level repairs of extraction defects. Each output character remembers the
 * columns of the original line it came from, so later diagnostics point at the source.
 */
export interface MappedChars {
  chars: string[];
  /** start column (0-based, UTF-16) in the original line, per output character */
  start: number[];
  /** end column (exclusive) in the original line, per output character */
  end: number[];
}

/**
 * CJK Radicals Supplement forms that NFKC leaves alone but PDF text layers give for ordinary kanji
 * (長 read as ⻑): a font maps both code points to one glyph and the PDF writer keeps the lowest.
 * Each radical with the ideograph it shares its glyph with in Noto Sans JP / Source Han Sans,
 * where the two are drawn alike (those with an ideograph outside the BMP, all bare components, are
 * left as they are); a few chosen by meaning (⺮ 竹, ⻝ 食, ⻤ 鬼, ⻁ 虎, ⻆ 角, ⻏ 阝).
 */
const RADICAL_SUPPLEMENT: Record<string, string> = Object.fromEntries(
  '⺂乛 ⺃乚 ⺅亻 ⺉刂 ⺋㔾 ⺎兀 ⺏尣 ⺐尢 ⺒巳 ⺓幺 ⺔彑 ⺖忄 ⺘扌 ⺙攵 ⺛旡 ⺞歺 ⺟母 ⺠民 ⺡氵 ⺣灬 ⺤爫 ⺦丬 ⺨犭 ⺫罒 ⺭礻 ⺮竹 ⺯糹 ⺰纟 ⺱罓 ⺲罒 ⺹耂 ⺺肀 ⺾艹 ⺿艹 ⻀艹 ⻁虎 ⻂衤 ⻃覀 ⻄西 ⻅见 ⻆角 ⻈讠 ⻉贝 ⻋车 ⻌辶 ⻍辶 ⻏阝 ⻐钅 ⻑長 ⻒镸 ⻓长 ⻖阝 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻟飠 ⻠饣 ⻢马 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ⻬齐 ⻭歯 ⻮齿 ⻯竜 ⻰龙 ⻲亀 ⻳龟'.split(' ').map((pair) => [...pair] as [string, string]),
);

/**
 * Punctuation look-alikes the same way: ‧ U+2027 for ・, ∕ U+2215 for ／, 〈〉 U+2329/U+232A for
 * 〈〉, ‵ U+2035 for ｀ (the aliases of Japanese-text glyphs in Noto Sans JP, as Chromium's PDF
 * writer and others emit them), the em space for the ideographic space, and one wave dash.
 */
const PUNCTUATION_LOOKALIKES: Record<string, string> = {
  '\u2027': '・',
  '\u2215': '／',
  '\u2329': '〈',
  '\u232a': '〉',
  '\u2035': '｀',
  '\u2003': ' ',
  // the wave dash 〜 U+301C and the full-width tilde ～ U+FF5E share one glyph (the "wave dash
  // problem" between JIS and CP932): one form, the one Windows-made briefings use
  '\u301c': '～',
};

/** Private-use bullet glyphs (Wingdings code points the PDF font mapped into the PUA). */
const PRIVATE_USE_BULLETS: Record<string, string> = {
  '\uf06c': '●',
  '\uf06e': '■',
  '\uf0fc': '✓',
  '\uf0a7': '▪',
  '\uf0d8': '➢',
  '\uf075': '◆',
  '\uf09f': '•',
};

const DAKUTEN = '\uff9e';
const HANDAKUTEN = '\uff9f';

export function mapChars(raw: string): MappedChars {
  const out: MappedChars = { chars: [], start: [], end: [] };
  const push = (ch: string, s: number, e: number) => {
    out.chars.push(ch);
    out.start.push(s);
    out.end.push(e);
  };
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    const cp = ch.charCodeAt(0);
    if (cp >= 0x2f00 && cp <= 0x2fdf) {
      // Kangxi radicals (⼒ U+2F12 for 力): NFKC maps each to its unified ideograph.
      push(ch.normalize('NFKC'), i, i + 1);
    } else if (cp >= 0x2e80 && cp <= 0x2eff) {
      push(RADICAL_SUPPLEMENT[ch] ?? ch.normalize('NFKC'), i, i + 1);
    } else if (cp >= 0xff61 && cp <= 0xff9f) {
      // Half-width katakana; a following voiced mark combines with it (ﾄﾞ → ド).
      const next = raw[i + 1];
      if (next === DAKUTEN || next === HANDAKUTEN) {
        const combined = (ch + next).normalize('NFKC');
        if (combined.length === 1) {
          push(combined, i, i + 2);
          i++;
          continue;
        }
      }
      push(ch.normalize('NFKC'), i, i + 1);
    } else if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) {
      // Full-width digits and Latin letters (１０,０００, ＪＥＴ).
      push(String.fromCharCode(cp - 0xfee0), i, i + 1);
    } else if (ch === '％') {
      push('%', i, i + 1);
    } else if (PUNCTUATION_LOOKALIKES[ch] !== undefined) {
      push(PUNCTUATION_LOOKALIKES[ch], i, i + 1);
    } else if (ch === '\u3000' || ch === '\u00a0') {
      push(' ', i, i + 1);
    } else if (cp >= 0xe000 && cp <= 0xf8ff) {
      push(PRIVATE_USE_BULLETS[ch] ?? '•', i, i + 1);
    } else if (ch === '\r' && i === raw.length - 1) {
      continue;
    } else {
      push(ch, i, i + 1);
    }
  }
  fixNumberPunctuation(out);
  return out;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Full-width comma and period inside a number (１０，０００ / ０．５) become ASCII. */
function fixNumberPunctuation(m: MappedChars): void {
  for (let i = 1; i < m.chars.length - 1; i++) {
    const c = m.chars[i];
    if ((c === '，' || c === '．') && isDigit(m.chars[i - 1]) && isDigit(m.chars[i + 1])) {
      m.chars[i] = c === '，' ? ',' : '.';
    }
  }
}
