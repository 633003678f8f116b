// Money is integer eurocent. These helpers never use floating point on amounts.

/** round_half_up(a / b) for integers with b > 0; halves go away from zero, as a cashier rounds. */
export function divRoundHalfUp(a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b <= 0) {
    throw new RangeError(`divRoundHalfUp(${a}, ${b}): gehele getallen verwacht`);
  }
  const sign = a < 0 ? -1 : 1;
  const abs = Math.abs(a);
  const q = Math.floor(abs / b);
  const r = abs - q * b;
  return sign * (2 * r >= b ? q + 1 : q);
}

/** Care amount of a line: minuten × uurtarief / 60, rounded half up to the cent. */
export function careAmount(minuten: number, uurtariefCent: number): number {
  return divRoundHalfUp(minuten * uurtariefCent, 60);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** '1.229,50' (Dutch notation, no currency sign). */
export function formatBedrag(cent: number): string {
  const sign = cent < 0 ? '-' : '';
  const abs = Math.abs(cent);
  return `${sign}${groupThousands(String(Math.floor(abs / 100)))},${String(abs % 100).padStart(2, '0')}`;
}

/** '€ 1.229,50', '€ -12,00'. */
export function formatEuro(cent: number): string {
  return `€ ${formatBedrag(cent)}`;
}

/** '7,50' without thousands separators: what CSV cells hold, so Excel and our import read it back. */
export function formatBedragCsv(cent: number): string {
  const sign = cent < 0 ? '-' : '';
  const abs = Math.abs(cent);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
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
