// files/write.ts: a file that must first be recorded (its audit-log line) gets its final name only
// after that step succeeded; a failed step leaves neither the file nor its temporary name.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Refused } from '../../src/errors.js';
import { checkTarget, produceFileSafely } from '../../src/files/write.js';
import { tempDir } from '../helpers.js';

const write = (file: string, beforePublish: () => Promise<void>) =>
  produceFileSafely(file, { beforePublish }, async (tmp) => fs.writeFileSync(tmp, 'inhoud'));

describe('produceFileSafely with a step before publishing', () => {
  it('runs the step when the content is complete under the temporary name, and only then publishes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'inzage.json');
    const seen: string[][] = [];
    await write(file, async () => {
      seen.push(fs.readdirSync(dir));
      expect(fs.readFileSync(path.join(dir, seen[0]![0]!), 'utf8')).toBe('inhoud');
    });
    expect(seen).toEqual([[expect.stringMatching(/^\.inzage\.json\.\d+-[0-9a-f]+\.tmp$/)]]);
    expect(fs.readdirSync(dir)).toEqual(['inzage.json']);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a failing step leaves nothing and its error comes through unchanged (not as "Kan … niet schrijven")', async () => {
    const dir = tempDir();
    const failure = Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
    await expect(
      write(path.join(dir, 'inzage.json'), async () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    const refusal = new Refused('het logboek weigert');
    await expect(
      write(path.join(dir, 'toeslag.csv'), async () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

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
