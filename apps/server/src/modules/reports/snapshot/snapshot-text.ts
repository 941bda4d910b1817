/**
 * Words and number formatting of the generated parts of a report (alternative texts, notes, empty blocks).
 * The snapshot keeps numbers as numbers for the renderers; only the sentences that describe a chart or a map
 * need them written out, in the report's language.
 */
export type Lang = 'it' | 'en';

export interface Localized {
  it: string;
  en?: string | null;
}

/** A template or database text in the report's language (Italian when the English is missing). */
export const pick = (text: Localized | null | undefined, lang: Lang): string => (text ? (lang === 'en' && text.en ? text.en : text.it) : '');

/** Writes a number with `decimals` digits as a reader of `lang` expects it (1.234,5 / 1,234.5). */
export function formatNumber(n: number, decimals: number, lang: Lang): string {
  const [whole, fraction] = Math.abs(n).toFixed(Math.max(0, decimals)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'it' ? '.' : ',');
  const sign = n < 0 && Number(whole + (fraction ?? '')) !== 0 ? '-' : '';
  return sign + grouped + (fraction ? (lang === 'it' ? ',' : '.') + fraction : '');
}

/** A value with its unit: "14,5%", "12,30 per 1.000", "475.171 persone"; "n.d." when missing. */
export function formatValue(n: number | null, decimals: number, unit: string | null, lang: Lang): string {
  if (n === null) return lang === 'it' ? 'n.d.' : 'n/a';
  const v = formatNumber(n, decimals, lang);
  if (!unit) return v;
  return unit === '%' ? `${v}%` : `${v} ${unit}`;
}

/**
 * The unit a sentence about a chart needs: a share or a rate changes what a number means, a counted noun
 * ("persone", "alunni") the chart's title already names, so "da 458.000 a 475.171" rather than "… persone".
 */
export const sentenceUnit = (unit: string | null) => (unit && (unit === '%' || /^per\b/i.test(unit)) ? unit : null);

/** A change written with its sign: "+3,8%" for a relative change, "+0,6 punti" for a change of a share. */
export function formatChange(delta: number, decimals: number, unit: string | null, lang: Lang): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const v = formatNumber(Math.abs(delta), decimals, lang);
  if (unit === '%') return `${sign}${v} ${lang === 'it' ? 'punti' : 'points'}`;
  return `${sign}${v}${unit ? ` ${unit}` : ''}`;
}

/** "da 458.000 a 475.171 (+3,8%)": how a series moved from its first to its last value. */
export function describeMove(first: number, last: number, decimals: number, unit: string | null, lang: Lang): string {
  const from = formatValue(first, decimals, unit, lang);
  const to = formatValue(last, decimals, unit, lang);
  let change: string;
  if (unit === '%') change = formatChange(last - first, decimals, unit, lang);
  else if (first !== 0) change = `${last >= first ? '+' : '−'}${formatNumber(Math.abs(((last - first) / Math.abs(first)) * 100), 1, lang)}%`;
  else change = formatChange(last - first, decimals, unit, lang);
  return lang === 'it' ? `da ${from} a ${to} (${change})` : `from ${from} to ${to} (${change})`;
}

/** A list joined as a sentence: "a, b e c". */
export function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'it' ? 'e' : 'and'} ${items[items.length - 1]}`;
}

/** A stored date (YYYY-MM-DD) as printed: 12/05/2023 in Italian, 2023-05-12 in English. */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'it' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** The period label of a source: "2023", or "2019–2023" for a span. */
export const periodLabel = (from: string, to: string) => (from === to ? from : `${from}–${to}`);

/** The fixed sentences of generated blocks, in both languages. */
export const WORDS = {
  title: (year: number) => ({ it: `Monografia provinciale ${year}`, en: `Provincial report ${year}` }),
  noData: { it: 'Nessun dato disponibile', en: 'No data available' },
  unknownIndicator: (code: string) => ({ it: `L'indicatore «${code}» non è definito sulla piattaforma.`, en: `The indicator “${code}” is not defined on the platform.` }),
  unknownElement: (code: string) => ({ it: `Il dato «${code}» non è registrato sulla piattaforma.`, en: `The data element “${code}” is not registered on the platform.` }),
  unknownCategory: (category: string, code: string) => ({ it: `Il dato «${code}» non è disaggregato per «${category}».`, en: `The data element “${code}” is not broken down by “${category}”.` }),
  regionalOnly: (names: string[], region: string) => ({
    it: `Dati disponibili solo per regione (${region}): ${names.join('; ')}.`,
    en: `Data available by region only (${region}): ${names.join('; ')}.`,
  }),
  regionalSuffix: (region: string) => ({ it: ` – ${region} (dato regionale)`, en: ` – ${region} (regional figure)` }),
  noSubmission: (year: number) => ({
    it: `La scheda di monitoraggio ${year} del Consiglio non è stata ancora compilata.`,
    en: `The council's ${year} monitoring form has not been filled in yet.`,
  }),
  nothingFilled: (what: { it: string; en: string }) => ({
    it: `${what.it.charAt(0).toUpperCase()}${what.it.slice(1)} non è stata compilata nella scheda di monitoraggio.`,
    en: `${what.en.charAt(0).toUpperCase()}${what.en.slice(1)} was not filled in on the monitoring form.`,
  }),
  provisionalForm: { it: 'dati provvisori, non ancora approvati', en: 'provisional, not yet approved' },
  item: { it: 'Voce', en: 'Item' },
  value: { it: 'Valore', en: 'Value' },
  details: { it: 'Dettagli', en: 'Details' },
  indicator: { it: 'Indicatore', en: 'Indicator' },
  province: { it: 'Provincia', en: 'Province' },
  total: { it: 'Totale', en: 'Total' },
  yes: { it: 'Sì', en: 'Yes' },
  no: { it: 'No', en: 'No' },
  formSource: (form: string, year: number) => ({ it: `${form} ${year}`, en: `${form} ${year}` }),
  collectedAttribution: { it: "Consigli Territoriali per l'Immigrazione, schede di monitoraggio", en: 'Territorial Councils for Immigration, monitoring forms' },
  boundaries: { it: 'Confini delle province', en: 'Province boundaries' },
  importedFile: (file: string) => ({ it: `File importato «${file}»`, en: `Imported file “${file}”` }),
} as const;

export const say = (w: { it: string; en?: string }, lang: Lang) => (lang === 'en' && w.en ? w.en : w.it);
