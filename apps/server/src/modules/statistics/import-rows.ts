import type { ElementSpec, SdmxMapping, TableMapping } from '@mosaico/contracts/imports';
import { type Lang, translate } from '../../platform/http/messages.ts';
import type { ReadTable } from './import-read.ts';
import { readNumber } from './import-text.ts';
import { codeOf, type SdmxLayout } from './sdmx-csv.ts';

/** At most this many row errors are kept (all are counted). */
export const MAX_ROW_ERRORS = 200;

export interface RowError {
  line: number;
  column?: string;
  code: string;
  message: string;
}

/**
 * The file's figures as mapped, column-wise (1 million rows stay compact): element, breakdown, period and
 * territory code as indexes into small tables; value; provisional; and the line each came from.
 */
export class MappedRows {
  readonly elements: ElementSpec[] = [];
  readonly elementIndex = new Map<string, number>();
  /** Canonical breakdown keys ('' = total) and their dimensions. */
  readonly disaggs: { key: string; dims: Record<string, string> }[] = [];
  readonly disaggIndex = new Map<string, number>();
  readonly periods: string[] = [];
  readonly periodIndex = new Map<string, number>();
  readonly codes: string[] = [];
  readonly codeIndex = new Map<string, number>();
  e: number[] = [];
  d: number[] = [];
  p: number[] = [];
  c: number[] = [];
  v: number[] = [];
  prov: boolean[] = [];
  line: number[] = [];
  rows = 0;
  skipped = 0;
  errorRows = 0;
  errors: RowError[] = [];
  private errorLines = new Set<number>();

  constructor(private readonly lang: Lang) {}

  error(line: number, code: string, params: Record<string, string | number> = {}, column?: string) {
    if (!this.errorLines.has(line)) {
      this.errorLines.add(line);
      this.errorRows++;
    }
    if (this.errors.length < MAX_ROW_ERRORS) this.errors.push({ line, ...(column ? { column } : {}), code, message: translate(code, this.lang, params) });
  }
  get errorsTotal() {
    return this.errorTotal;
  }
  private errorTotal = 0;
  countError() {
    this.errorTotal++;
  }

  element(spec: ElementSpec): number {
    let i = this.elementIndex.get(spec.code);
    if (i === undefined) {
      i = this.elements.push(spec) - 1;
      this.elementIndex.set(spec.code, i);
    }
    return i;
  }
  disagg(dims: Record<string, string>): number {
    const key = Object.keys(dims)
      .sort()
      .map((k) => `${k}=${dims[k]}`)
      .join(';');
    let i = this.disaggIndex.get(key);
    if (i === undefined) {
      i = this.disaggs.push({ key, dims }) - 1;
      this.disaggIndex.set(key, i);
    }
    return i;
  }
  private intern(list: string[], index: Map<string, number>, s: string) {
    let i = index.get(s);
    if (i === undefined) {
      i = list.push(s) - 1;
      index.set(s, i);
    }
    return i;
  }
  add(e: number, d: number, period: string, code: string, v: number, prov: boolean, line: number) {
    this.e.push(e);
    this.d.push(d);
    this.p.push(this.intern(this.periods, this.periodIndex, period));
    this.c.push(this.intern(this.codes, this.codeIndex, code));
    this.v.push(v);
    this.prov.push(prov);
    this.line.push(line);
  }
}

/** A period as stored: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; null when the text is none of these. */
export function normalizePeriod(raw: string, format: 'any' | 'year' | 'month' | 'date' = 'any', offsetYears = 0): string | null {
  let s = raw.trim();
  const dmy = s.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  if (dmy) s = `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
  if (/^\d{4}\.0+$/.test(s)) s = s.slice(0, 4);
  const ok =
    (/^\d{4}$/.test(s) && (format === 'any' || format === 'year')) ||
    (/^\d{4}-(0[1-9]|1[0-2])$/.test(s) && (format === 'any' || format === 'month')) ||
    (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(s) && (format === 'any' || format === 'date') && !Number.isNaN(Date.parse(s)));
  if (!ok) return null;
  if (!offsetYears) return s;
  return String(Number(s.slice(0, 4)) + offsetYears) + s.slice(4);
}

/** The date a period starts on, at which its territory codes are read. */
export const periodStart = (p: string) => (p.length === 4 ? `${p}-01-01` : p.length === 7 ? `${p}-01` : p);

/** Maps every SDMX row through the mapping (which checkSdmxMapping accepted); problems become row errors. */
export function mapSdmxRows(table: ReadTable, layout: SdmxLayout, m: SdmxMapping, lang: Lang, onProgress?: (rows: number) => void): MappedRows {
  const out = new MappedRows(lang);
  const col = (id: string) => layout.dims.find((d) => d.id === id)?.col ?? (id === 'TIME_PERIOD' ? layout.timeCol : -1);
  const terrCol = col(m.territoryDimension);
  const timeCol = col(m.timeDimension);
  const elemCol = m.elementDimension ? col(m.elementDimension) : -1;
  const elementOf = new Map<string, number | null>(m.elements.map((x) => [x.code, x.element ? out.element(x.element) : null]));
  const constant = m.element ? out.element(m.element) : -1;
  const breakdowns = m.breakdowns.map((b) => ({
    col: col(b.dimension),
    dimension: b.dimension,
    category: b.category,
    total: b.totalCode,
    options: new Map(b.options.map((o) => [o.code, o.option])),
  }));
  const disaggCache = new Map<string, number>();
  const provisional = new Set(m.provisionalStatuses);
  const labelled = layout.labelled;
  for (const r of table.rows()) {
    const cells = r.cells;
    out.rows++;
    if (onProgress && out.rows % 50_000 === 0) onProgress(out.rows);
    let e = constant;
    if (elemCol >= 0) {
      const code = codeOf(cells[elemCol] ?? '', labelled);
      const mapped = elementOf.get(code);
      if (mapped === null) {
        out.skipped++;
        continue;
      }
      if (mapped === undefined) {
        out.countError();
        out.error(r.line, 'import_row_unmapped_code', { dimension: m.elementDimension as string, code }, m.elementDimension as string);
        continue;
      }
      e = mapped;
    }
    let codesKey = '';
    for (const b of breakdowns) codesKey += `${codeOf(cells[b.col] ?? '', labelled)}\u0001`;
    let d = disaggCache.get(codesKey);
    if (d === undefined) {
      const dims: Record<string, string> = {};
      let skip = false;
      let unmapped: { dimension: string; code: string } | null = null;
      for (const b of breakdowns) {
        const code = codeOf(cells[b.col] ?? '', labelled);
        if (code === b.total) continue;
        const option = b.options.get(code);
        if (option === null) skip = true;
        else if (option === undefined) unmapped = { dimension: b.dimension, code };
        else dims[b.category] = option;
      }
      d = unmapped ? -2 : skip ? -1 : out.disagg(dims);
      if (!unmapped) disaggCache.set(codesKey, d);
      else {
        out.countError();
        out.error(r.line, 'import_row_unmapped_code', unmapped, unmapped.dimension);
        continue;
      }
    }
    if (d === -1) {
      out.skipped++;
      continue;
    }
    const rawValue = cells[layout.valueCol] ?? '';
    const num = readNumber(rawValue, false);
    if (num === null) {
      out.skipped++;
      continue;
    }
    if ('error' in num) {
      out.countError();
      out.error(r.line, `import_row_${num.error}`, { value: rawValue.slice(0, 40) }, 'OBS_VALUE');
      continue;
    }
    const rawPeriod = codeOf(cells[timeCol] ?? '', labelled);
    const period = normalizePeriod(rawPeriod);
    if (!period) {
      out.countError();
      out.error(r.line, 'import_row_invalid_period', { value: rawPeriod.slice(0, 40) }, m.timeDimension);
      continue;
    }
    let value = num.value;
    if (layout.unitMultCol >= 0) {
      const mult = (cells[layout.unitMultCol] ?? '').trim();
      if (mult && /^-?\d{1,2}$/.test(mult) && mult !== '0') value *= 10 ** Number(mult);
    }
    const territory = codeOf(cells[terrCol] ?? '', labelled);
    if (!territory) {
      out.countError();
      out.error(r.line, 'import_row_missing_territory', {}, m.territoryDimension);
      continue;
    }
    out.add(e, d, period, territory, value, layout.statusCol >= 0 && provisional.has((cells[layout.statusCol] ?? '').trim()), r.line);
  }
  return out;
}

/** Maps every row of a plain table: one figure per non-empty value column (same point in one row: added up). */
export function mapTableRows(table: ReadTable, m: TableMapping, lang: Lang, onProgress?: (rows: number) => void): MappedRows {
  const out = new MappedRows(lang);
  const idx = new Map(table.header.map((h, i) => [h, i]));
  const terrCol = idx.get(m.territoryColumn) ?? -1;
  const periodCol = m.periodColumn ? (idx.get(m.periodColumn) ?? -1) : -1;
  const columns = m.columns.map((c) => ({
    col: idx.get(c.column) ?? -1,
    name: c.column,
    e: out.element(c.element),
    d: out.disagg({ ...m.constantDimensions, ...c.dimensions }),
  }));
  for (const r of table.rows()) {
    const cells = r.cells;
    if (cells.every((c) => !c.trim())) continue;
    out.rows++;
    if (onProgress && out.rows % 50_000 === 0) onProgress(out.rows);
    const territory = (cells[terrCol] ?? '').trim();
    if (!territory) {
      out.countError();
      out.error(r.line, 'import_row_missing_territory', {}, m.territoryColumn);
      continue;
    }
    let period = m.constantPeriod;
    if (periodCol >= 0) {
      const raw = cells[periodCol] ?? '';
      period = normalizePeriod(raw, m.periodFormat, m.periodOffsetYears);
      if (!period) {
        out.countError();
        out.error(r.line, 'import_row_invalid_period', { value: raw.slice(0, 40) }, m.periodColumn as string);
        continue;
      }
    }
    const sums = new Map<string, { e: number; d: number; v: number }>();
    let bad = false;
    for (const c of columns) {
      const raw = cells[c.col] ?? '';
      const num = readNumber(raw, table.italian);
      if (num === null) continue;
      if ('error' in num) {
        if (!bad) out.countError();
        bad = true;
        out.error(r.line, `import_row_${num.error}`, { value: raw.slice(0, 40) }, c.name);
        continue;
      }
      const k = `${c.e}|${c.d}`;
      const s = sums.get(k);
      if (s) s.v += num.value;
      else sums.set(k, { e: c.e, d: c.d, v: num.value });
    }
    if (bad) continue;
    if (!sums.size) out.skipped++;
    for (const s of sums.values()) out.add(s.e, s.d, period as string, territory, s.v, false, r.line);
  }
  return out;
}
