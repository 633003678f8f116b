// A bank file exists exactly when its booking does: written last inside the transaction,
// removed again when the commit fails, and a failed write books nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withBankFile } from '../../src/commands/sepa/write.js';
import { tempDir } from '../helpers.js';

describe('withBankFile', () => {
  it('keeps the file when the booking succeeds, with no temporary file beside it', async () => {
    const file = path.join(tempDir(), 'sub', 'incasso.xml');
    const result = await withBankFile(async (write) => {
      write(file, '<xml/>');
      return 1;
    });
    expect(result).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe('<xml/>');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['incasso.xml']);
  });
  it('removes the file when the booking fails after writing it (a failed commit)', async () => {
    const dir = tempDir();
    await expect(
      withBankFile(async (write) => {
        write(path.join(dir, 'incasso.xml'), '<xml/>');
        throw new Error('commit mislukt');
      }),
    ).rejects.toThrow('commit mislukt');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
  it('fails the booking when the file cannot be written, leaving nothing', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'incasso.xml'));
    let booked = false;
    await expect(
      withBankFile(async (write) => {
        write(path.join(dir, 'incasso.xml'), '<xml/>');
        booked = true;
      }),
    ).rejects.toThrow();
    expect(booked).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['incasso.xml']);
    expect(fs.statSync(path.join(dir, 'incasso.xml')).isDirectory()).toBe(true);
  });
});
