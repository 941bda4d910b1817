import type { ImportMapping } from '@mosaico/contracts/imports';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { FieldIssue } from '../../platform/http/errors.ts';
import { type Lang, translate } from '../../platform/http/messages.ts';
import { findDataElementIds } from '../data-values/imported-values.ts';
import { resolveTerritoryCodes, type TerritoryCodeKind } from '../territories/territories-resolve.ts';
import { checkSdmxMapping, checkTableMapping, type DimensionRole, proposeSdmxMapping, shippedMappings, tableSignature } from './import-mapping.ts';
import { type ReadTable, readTable } from './import-read.ts';
import { type MappedRows, mapSdmxRows, mapTableRows, periodStart, type RowError } from './import-rows.ts';
import { readNumber } from './import-text.ts';
import { profileSdmx, type SdmxLayout, sdmxLayout } from './sdmx-csv.ts';

export type MappingSource = 'request' | 'saved' | 'shipped' | 'none';

/** What a dry run learns of a file, kept on the import (imports.analysis) for the page and for the apply. */
export interface Analysis {
  dimensions: { id: string; codes: { code: string; rows: number }[]; codesTotal: number; role: DimensionRole }[] | null;
  columns: { name: string; samples: string[]; numeric: boolean; empty: number }[] | null;
  mappingIssues: FieldIssue[];
  errors: RowError[];
  errorsTotal: number;
  unresolved: { code: string; rows: number }[];
}

export interface FileShape {
  table: ReadTable;
  kind: 'sdmx' | 'table';
  layout: SdmxLayout | null;
  dataflow: string | null;
  signature: string | null;
  rows: number;
  dims: { id: string; codes: Map<string, number> }[];
}

/** Reads a file and, for SDMX, profiles its dimensions (one pass); refuses unreadable files with a clear message. */
export async function readFileShape(buf: Buffer, fileName: string): Promise<FileShape> {
  const table = await readTable(buf, fileName);
  const layout = sdmxLayout(table.header);
  if (layout) {
    const profile = profileSdmx(table, layout);
    return { table, kind: 'sdmx', layout, dataflow: profile.dataflow, signature: null, rows: profile.rows, dims: profile.dimensions };
  }
  return { table, kind: 'table', layout: null, dataflow: null, signature: tableSignature(table.header), rows: 0, dims: [] };
}

/** The columns of a table with a few sample values each, and whether they read as numbers. */
export function describeColumns(table: ReadTable): { columns: NonNullable<Analysis['columns']>; rows: number } {
  const stats = table.header.map((name) => ({ name, samples: new Set<string>(), numeric: true, empty: 0 }));
  let rows = 0;
  for (const r of table.rows()) {
    rows++;
    stats.forEach((s, i) => {
      const v = (r.cells[i] ?? '').trim();
      if (!v) s.empty++;
      else {
        if (s.samples.size < 5) s.samples.add(v.slice(0, 80));
        if (s.numeric && !(readNumber(v, table.italian) && !('error' in (readNumber(v, table.italian) as object)))) s.numeric = false;
      }
    });
  }
  return { columns: stats.map((s) => ({ name: s.name, samples: [...s.samples], numeric: s.numeric, empty: s.empty })), rows };
}

/** The mapping to use: the request's, else the one saved for the dataflow/table, else the shipped one, else a proposal (SDMX). */
export function chooseMapping(shape: FileShape, requested: ImportMapping | null, saved: ImportMapping | null): { mapping: ImportMapping | null; source: MappingSource } {
  if (requested) return { mapping: requested, source: 'request' };
  if (saved) return { mapping: saved, source: 'saved' };
  const key = shape.kind === 'sdmx' ? `sdmx|${shape.dataflow}` : `table|${shape.signature}`;
  const shipped = shippedMappings().get(key);
  if (shipped) return { mapping: shipped, source: 'shipped' };
  if (shape.kind === 'sdmx') return { mapping: proposeSdmxMapping(shape.dataflow as string, shape.dims), source: 'none' };
  return { mapping: null, source: 'none' };
}

/** Mapping issues of a mapping for this file, and each SDMX dimension's role. */
export function checkMapping(shape: FileShape, mapping: ImportMapping | null, lang: Lang) {
  if (!mapping) return { issues: [{ field: 'mapping', code: 'import_mapping_required', message: translate('import_mapping_required', lang) }] as FieldIssue[], roles: new Map<string, DimensionRole>() };
  if (mapping.kind !== shape.kind) return { issues: [{ field: 'mapping.kind', code: 'import_mapping_kind', message: translate('import_mapping_kind', lang) }] as FieldIssue[], roles: new Map() };
  if (mapping.kind === 'sdmx') {
    const r = checkSdmxMapping(mapping, shape.dims, lang);
    if (mapping.dataflow !== shape.dataflow) r.issues.push({ field: 'mapping.dataflow', code: 'import_mapping_dataflow', message: translate('import_mapping_dataflow', lang) });
    return r;
  }
  const issues = checkTableMapping(mapping, shape.table.header, lang);
  return { issues, roles: new Map<string, DimensionRole>() };
}

/** Figures ready for the store: ids resolved, unresolved territories and duplicates set aside. */
export interface ResolvedPoints {
  mapped: MappedRows;
  /** Indexes into mapped's arrays of the points to store. */
  keep: Int32Array;
  territoryIds: Int32Array;
  unresolved: { code: string; rows: number }[];
  unresolvedRows: number;
}

/** Resolves each distinct (territory code, period start) once; marks repeated points as row errors. */
export async function resolvePoints(db: DbOrTx, mapped: MappedRows, kind: TerritoryCodeKind): Promise<ResolvedPoints> {
  const n = mapped.e.length;
  const pairKey = (c: number, p: number) => c * mapped.periods.length + p;
  const pairs = new Map<number, { code: string; at: string }>();
  for (let i = 0; i < n; i++) {
    const k = pairKey(mapped.c[i], mapped.p[i]);
    if (!pairs.has(k)) pairs.set(k, { code: mapped.codes[mapped.c[i]], at: periodStart(mapped.periods[mapped.p[i]]) });
  }
  const resolved = await resolveTerritoryCodes(db, [...pairs.values()], kind);
  const idOf = new Map<number, number | null>();
  for (const [k, p] of pairs) idOf.set(k, resolved.get(`${p.code}|${p.at}`) ?? null);
  const keep = new Int32Array(n);
  const territoryIds = new Int32Array(n);
  let kept = 0;
  const unresolvedRows = new Map<string, number>();
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const t = idOf.get(pairKey(mapped.c[i], mapped.p[i]));
    if (t == null) {
      const code = mapped.codes[mapped.c[i]];
      unresolvedRows.set(code, (unresolvedRows.get(code) ?? 0) + 1);
      continue;
    }
    const key = `${mapped.e[i]}|${mapped.d[i]}|${mapped.p[i]}|${t}`;
    if (seen.has(key)) {
      mapped.countError();
      mapped.error(mapped.line[i], 'import_row_duplicate_point');
      continue;
    }
    seen.add(key);
    keep[kept] = i;
    territoryIds[i] = t;
    kept++;
  }
  const unresolved = [...unresolvedRows.entries()].map(([code, rows]) => ({ code, rows })).sort((a, b) => b.rows - a.rows || a.code.localeCompare(b.code));
  return { mapped, keep: keep.subarray(0, kept), territoryIds, unresolved, unresolvedRows: [...unresolvedRows.values()].reduce((a, b) => a + b, 0) };
}

/** Maps the rows of a file with a mapping already checked. */
export function mapRows(shape: FileShape, mapping: ImportMapping, lang: Lang, onProgress?: (rows: number) => void): MappedRows {
  return mapping.kind === 'sdmx' ? mapSdmxRows(shape.table, shape.layout as SdmxLayout, mapping, lang, onProgress) : mapTableRows(shape.table, mapping, lang, onProgress);
}

/** Element ids for staging: existing ones, or stand-ins (negative) for elements the apply will create. */
export async function elementIdsFor(db: DbOrTx, mapped: MappedRows): Promise<number[]> {
  const ids = await findDataElementIds(db, mapped.elements.map((e) => e.code));
  return mapped.elements.map((e, i) => ids.get(e.code) ?? -(i + 1));
}
