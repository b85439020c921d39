import { inflateSync } from 'node:zlib';

/**
 * The /ActualText of a page's marked content, in the order its BDC/BMC operators open. A PDF
 * writer that draws one glyph for two code points (Chromium: 力 and the radical ⼒ share a glyph in
 * Noto Sans JP) maps the glyph to one of them and says the true text of the other in
 * `/Span <</ActualText (…)>> BDC … EMC`; pdfjs reads the glyph's mapping and drops the property
 * list. This reads the page's content streams for them — the plain case: the page object and its
 * content streams as numbered objects of the file, uncompressed or Flate-compressed, the property
 * list inline. Anything else (an object stream, another filter, a broken file) gives null, and
 * the page is read as pdfjs gives it.
 */
export function markedContentTexts(file: Uint8Array, page: { num: number; gen: number }, objects: ObjectIndex): MarkedSection[] | null {
  try {
    const dict = objectText(file, objects, page.num, page.gen);
    if (!dict) return null;
    const contents = /\/Contents\s*(?:(\d+)\s+(\d+)\s+R|\[([^\]]*)\])/.exec(dict);
    if (!contents) return null;
    const refs = contents[1] ? [[Number(contents[1]), Number(contents[2])]] : [...contents[3]!.matchAll(/(\d+)\s+(\d+)\s+R/g)].map((m) => [Number(m[1]), Number(m[2])]);
    if (refs.length > MAX_CONTENTS) return null;
    const streams = refs.map(([num, gen]) => streamBytes(file, objects, num!, gen!));
    if (streams.some((s) => s === null)) return null;
    // the streams of a page are one content: a token never runs from one into the next
    return markedContent(streams.map((b) => b!.toString('latin1')).join('\n'));
  } catch {
    return null;
  }
}

/** Where each "N G obj" of a file starts (the last one wins: an incremental update replaces it). */
export interface ObjectIndex {
  at: Map<string, number>;
  /** decoded streams by object, so that a stream many pages share is inflated once */
  streams: Map<string, Buffer | null>;
  /** bytes inflated so far: a file may not make this reader hold more than MAX_INFLATED */
  inflated: number;
}

/** Objects past this many are not indexed (the file is read as pdfjs gives it). */
const MAX_OBJECTS = 500_000;
/** Decoded content streams of one file, in all, at most (a zlib bomb stops here). */
const MAX_INFLATED = 256 * 1024 * 1024;
/** Content streams of one page, at most. */
const MAX_CONTENTS = 256;

/**
 * The numbered objects of a file (its /ActualText is mostly inside compressed content streams, so
 * every PDF is indexed); null when it has too many objects to be a slide deck read this way.
 */
export function indexObjects(file: Uint8Array): ObjectIndex | null {
  try {
    const text = Buffer.from(file.buffer, file.byteOffset, file.byteLength).toString('latin1');
    const at = new Map<string, number>();
    for (const m of text.matchAll(/(?:^|[\r\n\s])(\d{1,10})\s+(\d{1,5})\s+obj\b/g)) {
      at.set(`${m[1]} ${m[2]}`, m.index! + m[0].length);
      if (at.size > MAX_OBJECTS) return null;
    }
    return { at, streams: new Map(), inflated: 0 };
  } catch {
    return null;
  }
}

const MAX_DICT = 64 * 1024;

function objectText(file: Uint8Array, objects: ObjectIndex, num: number, gen: number): string | null {
  const at = objects.at.get(`${num} ${gen}`);
  if (at === undefined) return null;
  const text = Buffer.from(file.buffer, file.byteOffset + at, Math.min(MAX_DICT, file.byteLength - at)).toString('latin1');
  const end = text.search(/\bendobj\b|\bstream\r?\n/);
  return end < 0 ? null : text.slice(0, end);
}

/** The decoded bytes of a stream object: no filter, or FlateDecode; null for any other, or past the limits. */
function streamBytes(file: Uint8Array, objects: ObjectIndex, num: number, gen: number): Buffer | null {
  const key = `${num} ${gen}`;
  if (objects.streams.has(key)) return objects.streams.get(key)!;
  const decoded = decodeStream(file, objects, key);
  objects.streams.set(key, decoded);
  return decoded;
}

function decodeStream(file: Uint8Array, objects: ObjectIndex, key: string): Buffer | null {
  const at = objects.at.get(key);
  if (at === undefined) return null;
  const head = Buffer.from(file.buffer, file.byteOffset + at, Math.min(MAX_DICT, file.byteLength - at)).toString('latin1');
  const start = /stream\r?\n/.exec(head);
  if (!start) return null;
  const dict = head.slice(0, start.index);
  const filters = /\/Filter\s*(?:\/(\w+)|\[([^\]]*)\])/.exec(dict);
  const names = filters ? (filters[1] ? [filters[1]] : [...filters[2]!.matchAll(/\/(\w+)/g)].map((m) => m[1]!)) : [];
  if (names.length > 1 || (names.length === 1 && names[0] !== 'FlateDecode')) return null;
  const length = /\/Length\s+(\d+)(\s+\d+\s+R)?/.exec(dict);
  const from = at + start.index + start[0].length;
  let size = length && !length[2] ? Number(length[1]) : null;
  if (size === null || from + size > file.byteLength) {
    // an indirect /Length: up to the endstream keyword, looked for within the dictionary's reach
    const rest = Buffer.from(file.buffer, file.byteOffset + from, Math.min(file.byteLength - from, MAX_INFLATED));
    const end = rest.indexOf('endstream', 0, 'latin1');
    if (end < 0) return null;
    size = end;
  }
  const raw = Buffer.from(file.buffer, file.byteOffset + from, size);
  if (names.length === 0) return raw;
  const room = MAX_INFLATED - objects.inflated;
  if (room <= 0) return null;
  const out = inflateSync(raw, { maxOutputLength: room });
  objects.inflated += out.length;
  return out;
}

/** A section of marked content: its tag (Span, P, Artifact …) and ActualText, if any. */
export interface MarkedSection {
  tag: string;
  actualText: string | null;
}

/**
 * The marked content of a content stream, in the order its sections open: each one's tag and
 * ActualText. Strings, hex strings, names and comments are skipped as tokens, so an operator name
 * in a string or a name does not count; a property list belongs to the operator right after it.
 */
export function markedContent(content: string): MarkedSection[] {
  const out: MarkedSection[] = [];
  let dict: string | null = null;
  let names: string[] = [];
  let i = 0;
  const n = content.length;
  while (i < n) {
    const c = content[i]!;
    if (c === '%') {
      while (i < n && content[i] !== '\n' && content[i] !== '\r') i++;
    } else if (c === '(') {
      i = skipString(content, i);
    } else if (c === '<' && content[i + 1] === '<') {
      const end = dictEnd(content, i);
      dict = content.slice(i, end);
      i = end;
    } else if (c === '<') {
      const end = content.indexOf('>', i);
      i = end < 0 ? n : end + 1;
    } else if (c === '/') {
      let j = i + 1;
      while (j < n && !/[\s()<>[\]{}/%]/.test(content[j]!)) j++;
      names.push(content.slice(i + 1, j));
      i = j;
    } else if (/[A-Za-z'"]/.test(c)) {
      let j = i;
      while (j < n && /[A-Za-z0-9'"*]/.test(content[j]!)) j++;
      const op = content.slice(i, j);
      if (op === 'BDC') out.push({ tag: names.at(-2) ?? names.at(-1) ?? '', actualText: dict ? actualText(dict) : null });
      else if (op === 'BMC') out.push({ tag: names.at(-1) ?? '', actualText: null });
      dict = null;
      names = [];
      i = op === 'BI' ? inlineImageEnd(content, j) : j;
    } else i++;
  }
  return out;
}

function skipString(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  return s.length;
}

function dictEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '(') {
      j = skipString(s, j) - 1;
    } else if (s[j] === '<' && s[j + 1] === '<') {
      depth++;
      j++;
    } else if (s[j] === '>' && s[j + 1] === '>') {
      depth--;
      j++;
      if (depth === 0) return j + 1;
    }
  }
  return s.length;
}

function inlineImageEnd(s: string, i: number): number {
  const end = s.indexOf('EI', i);
  return end < 0 ? s.length : end + 2;
}

/** The /ActualText of an inline property list, decoded (UTF-16BE or UTF-8 with its mark, else PDFDocEncoding). */
function actualText(dict: string): string | null {
  const m = /\/ActualText\s*(<[0-9A-Fa-f\s]*>|\()/.exec(dict);
  if (!m) return null;
  let bytes: Buffer;
  if (m[1] === '(') {
    const start = m.index + m[0].length - 1;
    bytes = Buffer.from(unescapeString(dict.slice(start + 1, skipString(dict, start) - 1)), 'latin1');
  } else {
    bytes = Buffer.from(m[1]!.slice(1, -1).replace(/\s/g, ''), 'hex');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return [...bytes].map((b) => PDF_DOC_ENCODING[b] ?? String.fromCharCode(b)).join('');
}

/** PDFDocEncoding where it is not Latin-1 (PDF 32000 Annex D): 0x18–0x1F and 0x80–0xA0. */
const PDF_DOC_ENCODING: Record<number, string> = Object.fromEntries(
  [
    [0x18, '˘'], [0x19, 'ˇ'], [0x1a, 'ˆ'], [0x1b, '˙'], [0x1c, '˝'], [0x1d, '˛'], [0x1e, '˚'], [0x1f, '˜'],
    [0x80, '•'], [0x81, '†'], [0x82, '‡'], [0x83, '…'], [0x84, '—'], [0x85, '–'], [0x86, 'ƒ'], [0x87, '⁄'],
    [0x88, '‹'], [0x89, '›'], [0x8a, '−'], [0x8b, '‰'], [0x8c, '„'], [0x8d, '“'], [0x8e, '”'], [0x8f, '‘'],
    [0x90, '’'], [0x91, '‚'], [0x92, '™'], [0x93, 'ﬁ'], [0x94, 'ﬂ'], [0x95, 'Ł'], [0x96, 'Œ'], [0x97, 'Š'],
    [0x98, 'Ÿ'], [0x99, 'Ž'], [0x9a, 'ı'], [0x9b, 'ł'], [0x9c, 'œ'], [0x9d, 'š'], [0x9e, 'ž'], [0xa0, '€'],
  ] as [number, string][],
);

function unescapeString(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3}|\r?\n|.)/g, (_, e: string) => {
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    if (/^\r?\n$/.test(e)) return '';
    // an unknown escape is the character itself
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
  });
}

interface ContentItem {
  type?: string;
  tag?: string | null;
  str?: string;
}

/**
 * A page's text content (pdfjs, with its marked content) with the text of each section that has
 * an ActualText replaced by it: the section's first text item says it, the others nothing, each
 * where it stands. When the sections pdfjs reports are not those of the content streams (a form
 * XObject's own), the items are left as they are.
 */
export function withActualText<T extends ContentItem>(items: readonly T[], sections: readonly MarkedSection[] | null): T[] {
  const begins = items.filter((it) => it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps');
  if (!sections || begins.length !== sections.length || !sections.some((t) => t.actualText !== null)) return [...items];
  // the sections pdfjs reports must be the streams' own, tag by tag (a form XObject's would shift them)
  if (begins.some((b, k) => b.tag !== undefined && b.tag !== null && b.tag !== sections[k]!.tag)) return [...items];
  const out: T[] = [];
  const open: (string | null)[] = [];
  let k = 0;
  let said = false; // the current ActualText section has been given to an item
  for (const it of items) {
    if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') {
      const actual = sections[k++]!.actualText;
      // an inner section keeps its outer one's text: it is part of it
      if (!open.some((t) => t !== null) && actual !== null) said = false;
      open.push(actual);
    } else if (it.type === 'endMarkedContent') {
      open.pop();
    } else if (typeof it.str === 'string' && it.str.trim() !== '') {
      // (a space pdfjs puts between two sections is no glyph of the section: it keeps its place)
      const actual = open.find((t) => t !== null);
      if (actual !== undefined && actual !== null) {
        out.push({ ...it, str: said ? '' : actual });
        said = true;
        continue;
      }
    }
    out.push(it);
  }
  return out;
}
