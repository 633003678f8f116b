// Sorting records by several text fields in turn, without building a key string per record.

/** Compares `a` and `b` field by field (code-unit order), the first difference deciding. */
export function compareFields<T>(a: T, b: T, fields: readonly (keyof T)[]): number {
  for (const f of fields) {
    const x = a[f] as unknown as string;
    const y = b[f] as unknown as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
