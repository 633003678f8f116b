// The bureau's fee settings. In model 'uur' the fee is a rate per hour, or a scale that lowers the
// rate as a child has more hours in the month: '0:1,60;80:1,40;160:1,20'.
import { ValueError } from '../errors.js';
import { type Cent, formatBedrag } from './money.js';
import { parseAmount } from './values.js';

export interface Schaaltrede {
  vanafUren: number;
  tariefCent: Cent;
}

const ACCEPTED_SCHAAL =
  "een tarief per uur (1,60) of een staffel 'uren:tarief' gescheiden door ';', oplopend vanaf 0, zoals 0:1,60;80:1,40;160:1,20; elk tarief ten hoogste € 1.000.000,00";

export function parseSchaal(raw: string): Schaaltrede[] {
  const s = raw.trim();
  if (!s.includes(':')) {
    try {
      return [{ vanafUren: 0, tariefCent: parseAmount(s) }];
    } catch {
      throw new ValueError(raw, ACCEPTED_SCHAAL);
    }
  }
  const treden: Schaaltrede[] = [];
  for (const part of s.split(';')) {
    const match = /^\s*(\d+)\s*:\s*(.+?)\s*$/.exec(part);
    if (!match) throw new ValueError(raw, ACCEPTED_SCHAAL);
    let tariefCent: number;
    try {
      tariefCent = parseAmount(match[2]!);
    } catch {
      throw new ValueError(raw, ACCEPTED_SCHAAL);
    }
    const vanafUren = Number(match[1]);
    if (treden.length === 0 ? vanafUren !== 0 : vanafUren <= treden.at(-1)!.vanafUren) throw new ValueError(raw, ACCEPTED_SCHAAL);
    treden.push({ vanafUren, tariefCent });
  }
  return treden;
}

export function formatSchaal(treden: Schaaltrede[]): string {
  return treden.map((t) => `${t.vanafUren}:${formatBedrag(t.tariefCent, { csv: true })}`).join(';');
}
