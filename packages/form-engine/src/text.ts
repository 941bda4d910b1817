/** A message in both languages of the product; every text the engine produces has both. */
export interface Message {
  it: string;
  en: string;
}

/** Builds a message from its Italian and English texts. */
export function message(it: string, en: string): Message {
  return { it, en };
}

/** Writes a number as an Italian reader expects it (decimal comma, dotted thousands). */
export function formatNumberIt(n: number): string {
  return formatNumber(n, '.', ',');
}

/** Writes a number as an English reader expects it (decimal point, comma thousands). */
export function formatNumberEn(n: number): string {
  return formatNumber(n, ',', '.');
}

function formatNumber(n: number, thousands: string, decimal: string): string {
  const [whole, fraction] = String(Math.abs(n)).split('.');
  // Exponent notation (1e21) is left as it is: grouping it would garble it.
  const grouped = whole.includes('e') ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return (n < 0 ? '-' : '') + grouped + (fraction ? decimal + fraction : '');
}

/** Quotes a piece of an expression or a value for a message, shortened so a long text cannot flood it. */
export function quote(text: string, max = 40): string {
  return '«' + (text.length > max ? text.slice(0, max - 1) + '…' : text) + '»';
}

/** The candidate closest to a misspelt name, at most two edits away (for "did you mean …?"), or null. */
export function closest(name: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Math.min(3, name.length);
  for (const candidate of candidates) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
