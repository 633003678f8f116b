import { listLog } from '../../db/repo/log.js';
import { parseInteger } from '../../domain/values.js';
import type { Deps } from '../deps.js';
import { parseOptional } from '../options.js';

/** `gob log [--limit N]`: the newest changes first. */
export async function log(opts: { limit?: string }, deps: Deps) {
  const limit = parseOptional('limit', opts.limit, (raw) => parseInteger(raw, { min: 1, max: 1_000_000 })) ?? 50;
  const rows = await listLog(deps.db, limit);
  deps.out.table(
    [
      { key: 'tijdstip', title: 'tijdstip' },
      { key: 'gebruiker', title: 'gebruiker' },
      { key: 'commando', title: 'commando' },
      { key: 'wijziging', title: 'wijziging' },
    ],
    rows.map((r) => ({
      gebruiker: r.gebruiker,
      commando: r.commando,
      tijdstip: localTime(r.tijdstip),
      wijziging: r.wijziging.length > 120 ? `${r.wijziging.slice(0, 117)}...` : r.wijziging,
    })),
  );
  return rows.map(({ tijdstip, gebruiker, commando, wijziging }) => ({ tijdstip, gebruiker, commando, wijziging }));
}

/** The stored UTC instant as local (Dutch) time for people: '2026-11-03 09:15:02'. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
