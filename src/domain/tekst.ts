// Dutch text that several parts of gob write the same way.
/**
 * A number with its noun in the right form: aantal(1, 'rij', 'rijen') is '1 rij', and 0 or 2
 * take the plural. Every count in a message goes through here, so no '1 rijen' slips through.
 */
export function aantal(n: number, enkelvoud: string, meervoud: string): string {
  return `${n} ${n === 1 ? enkelvoud : meervoud}`;
}
