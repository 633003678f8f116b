// The embedded font of every PDF: DejaVu Sans, which has every Latin letter (Şahin Yılmaz,
// Łukasz Wałęsa) and €. Parsed once per process and handed to pdfkit as a fontkit font: parsing
// the 700 kB font for every document was most of the time of a PDF (measured ~25/s against ~100/s).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { create } from 'fontkit';

const require = createRequire(import.meta.url);
const cache = new Map<string, unknown>();

function load(file: string): unknown {
  let font = cache.get(file);
  if (!font) {
    font = create(fs.readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
    cache.set(file, font);
  }
  return font;
}

export const fonts = {
  regular: () => load('DejaVuSans.ttf'),
  bold: () => load('DejaVuSans-Bold.ttf'),
};
