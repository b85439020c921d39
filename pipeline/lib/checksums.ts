import { createHash } from 'node:crypto';

/** The SHA-256 of bytes or text (UTF-8), in hex. */
export function sha256(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * A SHA256SUMS file: "<hash>  <name>" a line, sorted by name by code unit (never by the locale),
 * in the format `sha256sum -c` reads.
 */
export function sha256Sums(entries: readonly { name: string; sha256: string }[]): string {
  return [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => `${e.sha256}  ${e.name}\n`)
    .join('');
}
