/** Sequential blues around Bootstrap Italia's primary colour, light = low, dark = high (as the other maps). */
export const CLASS_COLORS = ['#e6f0fa', '#99c2eb', '#3385d6', '#004d99', '#001f3d'] as const;
/** Territories without a value: a neutral grey, apart from the blues (the tables name them in words). */
export const NO_DATA_COLOR = '#b8bcc0';

export interface ValueClass {
  /** 0-based, from the lowest values. */
  index: number;
  /** Inclusive bounds, rounded to the indicator's decimals. */
  min: number;
  max: number;
  count: number;
  color: string;
}

function roundTo(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

/**
 * Up to `wanted` classes of about the same number of territories each (quantiles), with bounds taken from the
 * values themselves so every value falls in exactly one class; equal values never straddle two classes.
 */
export function valueClasses(values: number[], decimals: number, wanted = CLASS_COLORS.length): ValueClass[] {
  const sorted = values.map((v) => roundTo(v, decimals)).sort((a, b) => a - b);
  if (!sorted.length) return [];
  const distinct = [...new Set(sorted)];
  const k = Math.min(wanted, distinct.length);
  const classes: ValueClass[] = [];
  let start = 0;
  for (let i = 0; i < k && start < sorted.length; i++) {
    let end = i === k - 1 ? sorted.length : Math.max(start + 1, Math.round(((i + 1) * sorted.length) / k));
    // Keep equal values together: end the class before a run of equal values it would split (or after it).
    if (end < sorted.length && sorted[end] === sorted[end - 1]) {
      const runStart = sorted.indexOf(sorted[end - 1]);
      if (runStart > start) end = runStart;
      else while (end < sorted.length && sorted[end] === sorted[end - 1]) end++;
    }
    classes.push({ index: i, min: sorted[start], max: sorted[end - 1], count: end - start, color: '' });
    start = end;
  }
  // Colours spread over the palette so that three classes are light, middle and dark, not the three lightest.
  const n = classes.length;
  for (const c of classes) c.color = CLASS_COLORS[n === 1 ? 2 : Math.round((c.index * (CLASS_COLORS.length - 1)) / (n - 1))];
  return classes;
}

/** The class of a value (rounded as the classes were), or null for a missing value. */
export function classOf(classes: ValueClass[], value: number | null, decimals: number): ValueClass | null {
  if (value == null || !classes.length) return null;
  const v = roundTo(value, decimals);
  return classes.find((c) => v <= c.max) ?? classes[classes.length - 1];
}
