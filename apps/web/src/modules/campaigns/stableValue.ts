/**
 * A value as one comparable string, so "did it change?" ignores what does not matter: blank text, null and
 * empty lists are all "no value", and object keys are sorted (the database hands a repeat's rows back with
 * its own key order).
 */
export function stable(v: unknown): string {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return 'null';
  if (Array.isArray(v)) return v.length ? `[${v.map(stable).join(',')}]` : 'null';
  if (typeof v === 'object') {
    const entries = Object.keys(v as object)
      .sort()
      .map((k) => [k, stable((v as Record<string, unknown>)[k])] as const)
      .filter(([, s]) => s !== 'null');
    return `{${entries.map(([k, s]) => `${JSON.stringify(k)}:${s}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export const sameValue = (a: unknown, b: unknown) => stable(a) === stable(b);

/** Values with a saved batch laid over them (null removes a key, as the server does). */
export function withBatch(values: Record<string, unknown>, batch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...values };
  for (const [k, v] of Object.entries(batch)) {
    if (stable(v) === 'null') delete out[k];
    else out[k] = v;
  }
  return out;
}
