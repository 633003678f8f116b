// fontkit ships no types; gob only parses a font file once and hands the result to pdfkit.
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
