/** The part of fontkit the tests use: whether the embedded font has a glyph for a character. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    availableFeatures: string[];
  }
  export function openSync(path: string): Font;
}
