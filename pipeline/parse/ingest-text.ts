import { InputError } from '../lib/errors.ts';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'shift_jis';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Refuse sources larger than this before decoding anything (a briefing is ~200 KB). */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;
/** Longest line accepted: extraction artefacts are long, but not megabytes. */
export const MAX_LINE_CHARS = 100_000;

/**
 * Decode an extracted-text briefing. UTF-16 with its byte order mark (Windows' "Unicode" text),
 * else UTF-8 (with or without BOM), then Shift_JIS/CP932, which Japanese government files often
 * use; anything else is refused with a located reason.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new InputError('the file is empty', { file, ruleId: 'ingest-empty' });
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new InputError(`the file is ${bytes.length} bytes; text sources are limited to ${MAX_TEXT_BYTES} bytes`, {
      file,
      ruleId: 'ingest-too-large',
    });
  }
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) {
    let text: string;
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      throw new InputError(`the text starts with a ${utf16.toUpperCase()} byte order mark but is not ${utf16.toUpperCase()} throughout; save it as UTF-8`, { file, ruleId: 'ingest-encoding' });
    }
    if (text.includes('\0')) throw new InputError('binary data (a NUL character): this is not a text file; give a .txt extraction or a .pdf', { file, ruleId: 'ingest-binary' });
    assertTextLike(text, file);
    return { text, encoding: utf16 };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = byteLocation(bytes, nul);
    throw new InputError('binary data (a NUL byte): this is not a text file; give a .txt extraction or a .pdf', {
      file,
      ruleId: 'ingest-binary',
      line,
      column,
    });
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  let decoded: DecodedText | null = null;
  try {
    decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    try {
      decoded = { text: new TextDecoder('shift_jis', { fatal: true }).decode(bytes), encoding: 'shift_jis' };
    } catch {
      const bad = firstInvalidUtf8(body) + (hasBom ? 3 : 0);
      const { line, column } = byteLocation(bytes, bad);
      throw new InputError('the text is neither UTF-8 nor Shift_JIS (CP932); convert it to UTF-8', {
        file,
        ruleId: 'ingest-encoding',
        line,
        column,
      });
    }
  }
  assertTextLike(decoded.text, file);
  return decoded;
}

/** Control characters other than tab, CR, LF and form feed mean the bytes are not a text extraction. */
function assertTextLike(text: string, file: string): void {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > MAX_LINE_CHARS) {
      throw new InputError(`line is ${line.length} characters long (limit ${MAX_LINE_CHARS})`, {
        file,
        ruleId: 'ingest-line-too-long',
        line: i + 1,
        column: 1,
      });
    }
    const m = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.exec(line);
    if (m) {
      throw new InputError(
        `control character U+${m[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}: binary data, not text`,
        { file, ruleId: 'ingest-binary', line: i + 1, column: m.index + 1 },
      );
    }
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest prefix that fails to decode (stream: a cut sequence is not an error).
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

function byteLocation(bytes: Uint8Array, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < index && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: index - start + 1 };
}
