// A bank file appears only when its booking committed: written before, published after.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withStagedFile } from '../../src/commands/sepa/write.js';
import { tempDir } from '../helpers.js';

describe('withStagedFile', () => {
  it('publishes the file once the booking has succeeded, not before', async () => {
    const file = path.join(tempDir(), 'sub', 'incasso.xml');
    await withStagedFile(async (stage) => {
      stage(file, '<xml/>');
      expect(fs.existsSync(file)).toBe(false);
      return 1;
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('<xml/>');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['incasso.xml']);
  });
  it('leaves no file (and no temporary file) when the booking fails after writing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'incasso.xml');
    await expect(
      withStagedFile(async (stage) => {
        stage(file, '<xml/>');
        throw new Error('commit mislukt');
      }),
    ).rejects.toThrow('commit mislukt');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
