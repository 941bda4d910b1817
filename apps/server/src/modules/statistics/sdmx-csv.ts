import { AppError } from '../../platform/http/errors.ts';
import type { ReadTable } from './import-read.ts';

/**
 * The SDMX-CSV layout (as exported by Istat's data warehouse, version 1 and 2): DATAFLOW (or STRUCTURE,
 * STRUCTURE_ID, ACTION), the dimensions, TIME_PERIOD, OBS_VALUE, then attributes (OBS_STATUS, UNIT_MULT,
 * NOTE_*, …). Dimensions are whatever columns sit between the flow columns and TIME_PERIOD, so any dataflow
 * reads without code changes. Exports with labels ("REF_AREA: Territorio", "IT: Italia") keep the codes.
 */
export interface SdmxLayout {
  dataflowCol: number;
  timeCol: number;
  valueCol: number;
  statusCol: number;
  unitMultCol: number;
  dims: { id: string; col: number }[];
  labelled: boolean;
}

const FLOW_COLUMNS = ['DATAFLOW', 'STRUCTURE', 'STRUCTURE_ID', 'ACTION'];
const codeOfHeader = (h: string) => h.split(':')[0].trim().toUpperCase();

/** The SDMX layout of a header, null when the file is a plain table; an SDMX header missing a required column is refused. */
export function sdmxLayout(header: string[]): SdmxLayout | null {
  const codes = header.map(codeOfHeader);
  const flowIdx = codes.findIndex((c) => c === 'DATAFLOW' || c === 'STRUCTURE_ID');
  if (flowIdx < 0) return null;
  const missing = ['TIME_PERIOD', 'OBS_VALUE'].filter((c) => !codes.includes(c));
  if (missing.length) throw new AppError('invalid', 'import_sdmx_missing_column', { columns: missing.join(', ') });
  const timeCol = codes.indexOf('TIME_PERIOD');
  const lastFlow = Math.max(...FLOW_COLUMNS.map((c) => codes.indexOf(c)));
  const dims: SdmxLayout['dims'] = [];
  for (let i = lastFlow + 1; i < timeCol; i++) dims.push({ id: codes[i], col: i });
  return {
    dataflowCol: codes.indexOf('STRUCTURE_ID') >= 0 ? codes.indexOf('STRUCTURE_ID') : flowIdx,
    timeCol,
    valueCol: codes.indexOf('OBS_VALUE'),
    statusCol: codes.indexOf('OBS_STATUS'),
    unitMultCol: codes.indexOf('UNIT_MULT'),
    dims,
    labelled: header.some((h) => h.includes(':') && !h.startsWith('IT1:')),
  };
}

/** A code cell without its label ("ITC4: Lombardia" → "ITC4") in labelled exports. */
export function codeOf(cell: string, labelled: boolean): string {
  const s = cell.trim();
  if (!labelled) return s;
  const i = s.indexOf(': ');
  return i > 0 ? s.slice(0, i) : s;
}

export interface SdmxProfile {
  dataflow: string;
  rows: number;
  /** Each dimension's codes with their row counts (the time dimension included, as TIME_PERIOD). */
  dimensions: { id: string; codes: Map<string, number> }[];
}

/** One pass over the file: the dataflow id and every dimension's codes with counts. A file mixing dataflows is refused. */
export function profileSdmx(table: ReadTable, layout: SdmxLayout): SdmxProfile {
  const cols = [...layout.dims, { id: 'TIME_PERIOD', col: layout.timeCol }];
  const counts = cols.map(() => new Map<string, number>());
  let dataflow: string | null = null;
  let rows = 0;
  for (const r of table.rows()) {
    rows++;
    const flow = (r.cells[layout.dataflowCol] ?? '').trim();
    if (dataflow === null) dataflow = flow;
    else if (flow !== dataflow) throw new AppError('invalid', 'import_sdmx_mixed_dataflows', { line: r.line, first: dataflow, other: flow });
    for (let k = 0; k < cols.length; k++) {
      const code = codeOf(r.cells[cols[k].col] ?? '', layout.labelled);
      const m = counts[k];
      m.set(code, (m.get(code) ?? 0) + 1);
    }
  }
  if (!rows || !dataflow) throw new AppError('invalid', 'import_no_rows');
  return { dataflow, rows, dimensions: cols.map((c, k) => ({ id: c.id, codes: counts[k] })) };
}
