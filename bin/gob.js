#!/usr/bin/env node
// The whole CLI lives in src/cli/main.ts, bundled to dist/ by `npm run build` (run by `npm ci`).
import { runCli } from '../dist/main.js';

await runCli();
