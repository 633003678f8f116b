import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Many tests wait
    // on a tool (pdftotext, xmllint, qpdf) or a gob process, so a worker per core keeps both busy.
    maxWorkers: os.availableParallelism(),
    // Tests run the built bundle (dist/) in process: load it as Node does, untransformed.
    server: { deps: { external: [/\/dist\//] } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
