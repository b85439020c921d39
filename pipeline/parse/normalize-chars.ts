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

/** CJK Radicals Supplement forms that NFKC leaves alone but extraction uses for ordinary kanji. */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺠': '民',
  '⻑': '長',
  '⻄': '西',
  '⻤': '鬼',
  '⻘': '青',
  '⻝': '食',
  '⻁': '虎',
  '⺟': '母',
  '⻆': '角',
  '⻌': '辶',
  '⻏': '阝',
  '⻖': '阝',
  '⺅': '亻',
  '⺉': '刂',
  '⺡': '氵',
  '⺣': '灬',
  '⺮': '竹',
  '⻂': '衤',
  '⻩': '黄',
  '⻲': '亀',
  '⻨': '麦',
  '⻯': '竜',
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
