// Golden files: the expected output of important reports, checked in under test/golden/.
// Run with UPDATE_GOLDEN=1 to rewrite them after an intended change (then read the diff).
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './helpers.js';

export function expectGolden(name: string, actual: string): void {
  const file = path.join(ROOT, 'test', 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) {
    if (process.env.CI && !fs.existsSync(file)) throw new Error(`golden file ${name} is missing`);
    fs.writeFileSync(file, actual);
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}
