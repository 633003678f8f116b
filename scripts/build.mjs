// Bundles src/cli/main.ts into dist/ with esbuild. Bundling matters for start-up: Kysely as ~100
// separate ES modules costs ~150 ms to load, as one file a fraction of that. Handlers stay lazy
// (code splitting keeps each dynamic import() its own chunk). Native and font-reading packages
// stay external: better-sqlite3 loads a .node file, pdfkit reads its font data from disk; exceljs
// (CommonJS with its own zip and temp-file modules) is loaded as it ships, only by the Excel commands.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * pg's lib/stream.js asks at load time whether it runs in a Cloudflare Worker; on Node 20, which has
 * no `navigator`, it does so by making a `Response`, and that loads Node's whole fetch
 * implementation (undici): 15–20 ms of every start on PostgreSQL, for an answer that is always no
 * here. gob runs on Node only, so the module becomes what pg uses on Node (a net.Socket, and
 * tls.connect), as pg 8.23's own Node branch has it. The tests of PostgreSQL run the built gob.
 */
const pgStreamForNode = {
  name: 'pg-stream-for-node',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]pg[\\/]lib[\\/]stream\.js$/ }, () => ({
      loader: 'js',
      contents: `const net = require('net');
const tls = require('tls');
module.exports = { getStream: () => new net.Socket(), getSecureStream: (options) => tls.connect(options) };`,
    }));
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  // The PDF worker is an entry of its own: worker threads load it by file name.
  // reference: docs/reference.md's generator, for `npm run docs` (never loaded by gob itself).
  entryPoints: { main: 'src/cli/main.ts', 'pdf-worker': 'src/pdf/worker.ts', reference: 'src/cli/reference.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: process.env.GOB_NO_MINIFY !== '1',
  external: ['better-sqlite3', 'pdfkit', 'fontkit', '@signpdf/*', 'node-forge', 'dejavu-fonts-ttf', 'cli-progress', 'exceljs'],
  // commander and other CommonJS packages call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __gobCreateRequire } from 'node:module'; const require = __gobCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  // `gob --version` without reading package.json at start-up.
  define: { __GOB_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version) },
  plugins: [pgStreamForNode],
});
