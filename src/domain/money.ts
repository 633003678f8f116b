// Money is integer eurocent. These helpers never use floating point on amounts.

declare const brand: unique symbol;
/**
 * An amount in integer eurocent (parseAmount in values.ts reads one). Like Datum, a number with a
 * name whose brand is optional: a plain number still goes in, but the signatures say which
 * numbers are money.
 */
export type Cent = number & { readonly [brand]?: 'Cent' };

/**
 * a / b rounded to the nearest integer, for integers with b > 0. A half goes away from zero, as a
 * cashier rounds: 2.5 → 3 and −2.5 → −3 (so −x always rounds to −(x rounded)).
 */
export function divRoundHalfAwayFromZero(a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b <= 0) {
    throw new RangeError(`divRoundHalfAwayFromZero(${a}, ${b}): gehele getallen verwacht`);
  }
  const sign = a < 0 ? -1 : 1;
  const abs = Math.abs(a);
  const q = Math.floor(abs / b);
  const r = abs - q * b;
  return sign * (2 * r >= b ? q + 1 : q);
}

/** Care amount of a line: minuten × uurtarief / 60, to the cent, a half cent away from zero. */
export function careAmount(minuten: number, uurtariefCent: Cent): Cent {
  return divRoundHalfAwayFromZero(minuten * uurtariefCent, 60);
}

/**
 * `totalCent` split in proportion to `weights` by largest remainder: each part is its exact share
 * truncated toward zero, and the cents left over go one each to the parts with the largest
 * remainders, the lowest index first on a tie. The parts add up exactly to the total; with weights
 * of one sign each part is within a cent of its exact share. Weights adding up to 0 have no shares.
 */
export function allocate(totalCent: Cent, weights: readonly number[]): Cent[] {
  let sumWeights = 0;
  for (const w of weights) sumWeights += w;
  if (!Number.isSafeInteger(totalCent) || !weights.every(Number.isSafeInteger) || sumWeights === 0) {
    throw new RangeError(`allocate(${totalCent}, [${weights.join(', ')}]): gehele getallen verwacht met een som die niet 0 is`);
  }
  const parts = new Array<Cent>(weights.length);
  const rests = new Array<number>(weights.length);
  let left = totalCent;
  for (const [i, w] of weights.entries()) {
    const exact = totalCent * w;
    if (!Number.isSafeInteger(exact))
      throw new RangeError(`allocate(${totalCent}, …): ${totalCent} × ${w} is te groot om exact te rekenen`);
    parts[i] = Math.trunc(exact / sumWeights);
    rests[i] = Math.abs(exact % sumWeights);
    left -= parts[i]!;
  }
  // The truncations together fall short by fewer cents than there are parts.
  const order = [...weights.keys()].sort((a, b) => rests[b]! - rests[a]! || a - b);
  for (const i of order) {
    if (left === 0) break;
    const step = Math.sign(left);
    parts[i]! += step;
    left -= step;
  }
  return parts;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * '1.229,50' (Dutch notation, no currency sign). With `csv`, '1229,50': what CSV cells hold, without
 * thousands separators, so Excel and our import read it back.
 */
export function formatBedrag(cent: Cent, { csv = false }: { csv?: boolean } = {}): string {
  const sign = cent < 0 ? '-' : '';
  const abs = Math.abs(cent);
  const euros = String(Math.floor(abs / 100));
  return `${sign}${csv ? euros : groupThousands(euros)},${String(abs % 100).padStart(2, '0')}`;
}

/** '€ 1.229,50', '€ -12,00'. */
export function formatEuro(cent: Cent): string {
  return `€ ${formatBedrag(cent)}`;
}

/** Minutes as hours 'u:mm' for people ('151:30'). */
export function formatUren(minuten: number): string {
  const sign = minuten < 0 ? '-' : '';
  const abs = Math.abs(minuten);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}

export function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
