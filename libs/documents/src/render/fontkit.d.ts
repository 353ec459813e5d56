// The part of fontkit (pdfkit's font engine, MIT) that fonts.ts uses: the package ships no types.
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(filename: string): Font;
}
