import { createHash } from 'node:crypto';

/** The SHA-256 of bytes or text (UTF-8), in hex. */
export function sha256(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

const digests = new WeakMap<Uint8Array, string>();

/**
 * The SHA-256 of bytes that never change once made (an output, a loaded font), in hex, taken once:
 * a pack is summed for its listing, its delivery folder, the delivery manifest and the build state.
 * Bytes that may still change are summed with `sha256`.
 */
export function sha256Once(bytes: Uint8Array): string {
  let digest = digests.get(bytes);
  if (digest === undefined) digests.set(bytes, (digest = sha256(bytes)));
  return digest;
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
