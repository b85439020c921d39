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
export function markedContentTexts(file: Uint8Array, page: { num: number; gen: number }, objects: ObjectIndex): (string | null)[] | null {
  try {
    const dict = objectText(file, objects, page.num, page.gen);
    if (!dict) return null;
    const contents = /\/Contents\s*(?:(\d+)\s+(\d+)\s+R|\[([^\]]*)\])/.exec(dict);
    if (!contents) return null;
    const refs = contents[1] ? [[Number(contents[1]), Number(contents[2])]] : [...contents[3]!.matchAll(/(\d+)\s+(\d+)\s+R/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const streams = refs.map(([num, gen]) => streamBytes(file, objects, num!, gen!));
    if (streams.some((s) => s === null)) return null;
    return markedContent(Buffer.concat(streams as Buffer[]).toString('latin1'));
  } catch {
    return null;
  }
}

/** Where each "N G obj" of a file starts (the last one wins: an incremental update replaces it). */
export type ObjectIndex = Map<string, number>;

export function indexObjects(file: Uint8Array): ObjectIndex {
  const text = Buffer.from(file.buffer, file.byteOffset, file.byteLength).toString('latin1');
  const index: ObjectIndex = new Map();
  for (const m of text.matchAll(/(?:^|[\r\n\s])(\d+)\s+(\d+)\s+obj\b/g)) index.set(`${m[1]} ${m[2]}`, m.index! + m[0].length);
  return index;
}

const MAX_DICT = 64 * 1024;

function objectText(file: Uint8Array, objects: ObjectIndex, num: number, gen: number): string | null {
  const at = objects.get(`${num} ${gen}`);
  if (at === undefined) return null;
  const text = Buffer.from(file.buffer, file.byteOffset + at, Math.min(MAX_DICT, file.byteLength - at)).toString('latin1');
  const end = text.search(/\bendobj\b|\bstream\r?\n/);
  return end < 0 ? null : text.slice(0, end);
}

/** The decoded bytes of a stream object: no filter, or FlateDecode. */
function streamBytes(file: Uint8Array, objects: ObjectIndex, num: number, gen: number): Buffer | null {
  const at = objects.get(`${num} ${gen}`);
  if (at === undefined) return null;
  const head = Buffer.from(file.buffer, file.byteOffset + at, Math.min(MAX_DICT, file.byteLength - at)).toString('latin1');
  const start = /stream\r?\n/.exec(head);
  if (!start) return null;
  const dict = head.slice(0, start.index);
  const filter = /\/Filter\s*(?:\/(\w+)|\[\s*\/(\w+)\s*\])/.exec(dict);
  const name = filter?.[1] ?? filter?.[2];
  if (name !== undefined && name !== 'FlateDecode') return null;
  const length = /\/Length\s+(\d+)(\s+\d+\s+R)?/.exec(dict);
  let size: number | null = length && !length[2] ? Number(length[1]) : null;
  const from = at + start.index + start[0].length;
  if (size === null || from + size > file.byteLength) {
    // an indirect /Length: up to the endstream keyword
    const rest = Buffer.from(file.buffer, file.byteOffset + from, file.byteLength - from);
    const end = rest.indexOf('endstream', 0, 'latin1');
    if (end < 0) return null;
    size = end;
  }
  const raw = Buffer.from(file.buffer, file.byteOffset + from, size);
  return name === 'FlateDecode' ? inflateSync(raw) : raw;
}

/**
 * The marked content of a content stream, in the order its sections open: each one's ActualText,
 * or null. Strings, hex strings, names and comments are skipped as tokens, so an operator name in
 * a string does not count.
 */
export function markedContent(content: string): (string | null)[] {
  const out: (string | null)[] = [];
  let pendingDict: string | null = null;
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
      pendingDict = content.slice(i, end);
      i = end;
    } else if (c === '<') {
      const end = content.indexOf('>', i);
      i = end < 0 ? n : end + 1;
    } else if (/[A-Za-z'"]/.test(c)) {
      let j = i;
      while (j < n && /[A-Za-z0-9'"*]/.test(content[j]!)) j++;
      const op = content.slice(i, j);
      if (op === 'BDC') out.push(pendingDict ? actualText(pendingDict) : null);
      else if (op === 'BMC') out.push(null);
      if (op !== 'BDC') pendingDict = op === 'BI' ? null : pendingDict;
      if (op === 'BDC') pendingDict = null;
      if (op === 'BI') i = inlineImageEnd(content, j);
      else i = j;
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

/** The /ActualText of an inline property list, decoded (UTF-16BE with its mark, or PDFDocEncoding as Latin-1). */
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
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return bytes.toString('latin1');
}

function unescapeString(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3}|\r?\n)/g, (_, e: string) => {
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' } as Record<string, string>)[e] ?? '';
  });
}

interface ContentItem {
  type?: string;
  str?: string;
}

/**
 * A page's text content (pdfjs, with its marked content) with the text of each section that has
 * an ActualText replaced by it: the section's first text item says it, the others nothing, each
 * where it stands. When the sections pdfjs reports are not those of the content streams (a form
 * XObject's own), the items are left as they are.
 */
export function withActualText<T extends ContentItem>(items: readonly T[], texts: readonly (string | null)[] | null): T[] {
  const opened = items.filter((it) => it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps').length;
  if (!texts || opened !== texts.length || !texts.some((t) => t !== null)) return [...items];
  const out: T[] = [];
  const open: (string | null)[] = [];
  let k = 0;
  let said = false; // the current ActualText section has been given to an item
  for (const it of items) {
    if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') {
      const actual = texts[k++] ?? null;
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
