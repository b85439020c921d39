import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../pipeline/lib/errors.ts';
import { decodeText } from '../pipeline/parse/ingest-text.ts';
import { R6_TEXT } from './helpers/r6.ts';

const contactList = R6_TEXT.split('\n').slice(4212).join('\n');

function refusal(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('text ingest', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const utf8 = Buffer.from(contactList, 'utf8');
    expect(decodeText(utf8, 'a.txt')).toEqual({ text: contactList, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'a.txt')).toEqual({ text: contactList, encoding: 'utf-8-bom' });
  });

  it('reads Shift_JIS (CP932), as Japanese government files often are', () => {
    const sjis = iconv.encode(contactList, 'cp932');
    expect(decodeText(sjis, 'a.txt')).toEqual({ text: contactList, encoding: 'shift_jis' });
  });

  it('reads UTF-16 with its byte order mark, little- and big-endian (Windows "Unicode" text)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(contactList, 'utf16le')]);
    expect(decodeText(le, 'a.txt')).toEqual({ text: contactList, encoding: 'utf-16le' });
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(be, 'a.txt')).toEqual({ text: contactList, encoding: 'utf-16be' });
    // a UTF-16 mark before bytes that are not UTF-16 throughout: save as UTF-8
    const broken = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('施策', 'utf16le'), Buffer.from([0x00, 0xd8])]);
    expect(refusal(() => decodeText(broken, 'b.txt')).format()).toBe('b.txt: error: the text starts with a UTF-16LE byte order mark but is not UTF-16LE throughout; save it as UTF-8 [ingest-encoding]');
  });

  it('refuses an empty file', () => {
    expect(refusal(() => decodeText(new Uint8Array(), 'empty.txt')).format()).toBe('empty.txt: error: the file is empty [ingest-empty]');
  });

  it('refuses binary data with the place of the first binary byte', () => {
    const bytes = Buffer.concat([Buffer.from('施策名\n担当\n', 'utf8'), Buffer.from([0x89, 0x50, 0x00, 0x47])]);
    const err = refusal(() => decodeText(bytes, 'image.txt'));
    expect(err.ruleId).toBe('ingest-binary');
    expect([err.line, err.column]).toEqual([3, 3]);
  });

  it('refuses bytes that are neither UTF-8 nor Shift_JIS, pointing at the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('地域おこし協力隊\n', 'utf8'), Buffer.from([0xff, 0xfe, 0xfd, 0x80])]);
    const err = refusal(() => decodeText(bytes, 'bad.txt'));
    expect(err.ruleId).toBe('ingest-encoding');
    expect(err.line).toBe(2);
  });

  it('refuses control characters that no text extraction contains', () => {
    const err = refusal(() => decodeText(Buffer.from('施策名\n担当\u0007者', 'utf8'), 'x.txt'));
    expect(err.format()).toBe('x.txt:2:3: error: control character U+0007: binary data, not text [ingest-binary]');
  });
});
