// PLACEHOLDER while issue 13 is built: replaced by the real handler before the issue is resolved.
import type { Deps } from '../deps.js';

export async function jaaropgavePdf(_opts: Record<string, unknown>, _deps: Deps): Promise<unknown> {
  throw new Error('nog niet gebouwd');
}
