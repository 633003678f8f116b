// files/write.ts: a target that cannot be written is said as such.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTarget } from '../../src/files/write.js';
import { tempDir } from '../helpers.js';

describe('checkTarget', () => {
  it('a path through a file is a target it cannot write, not one it cannot read', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'afile'), '');
    const target = path.join(dir, 'afile', 'x.pdf');
    expect(() => checkTarget(target)).toThrow(
      `Kan ${target} niet schrijven: een deel van het pad is een bestand, geen map. Er is niets geschreven; kies een ander pad.`,
    );
  });
});
