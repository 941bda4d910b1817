import fs from 'node:fs';
import path from 'node:path';
import { type ImportMapping, importMapping, type SdmxMapping, type TableMapping } from '@mosaico/contracts/imports';
import type { FieldIssue } from '../../platform/http/errors.ts';
import { type Lang, translate } from '../../platform/http/messages.ts';

/** The mappings shipped with the product, offered when no mapping was saved for a dataflow or table. */
export const SHIPPED_MAPPINGS_DIR = path.resolve(import.meta.dirname, '../../../../../data/statistics/mappings');

/** A table's signature: its header set, normalised (trimmed, lower-case, sorted, joined by '|'). */
export function tableSignature(header: string[]): string {
  return [...new Set(header.map((h) => h.trim().toLowerCase()))].sort().join('|');
}

export const mappingKey = (m: ImportMapping) => (m.kind === 'sdmx' ? m.dataflow : m.signature);

let shipped: Map<string, ImportMapping> | null = null;
/** The shipped mappings by `kind|key`, read once. */
export function shippedMappings(): Map<string, ImportMapping> {
  if (shipped) return shipped;
  shipped = new Map();
  if (fs.existsSync(SHIPPED_MAPPINGS_DIR)) {
    for (const f of fs.readdirSync(SHIPPED_MAPPINGS_DIR).filter((n) => n.endsWith('.json')).sort()) {
      const m = importMapping.parse(JSON.parse(fs.readFileSync(path.join(SHIPPED_MAPPINGS_DIR, f), 'utf8')));
      shipped.set(`${m.kind}|${mappingKey(m)}`, m);
    }
  }
  return shipped;
}

export type DimensionRole = 'element' | 'territory' | 'time' | 'breakdown' | 'ignored' | 'unmapped';

const issue = (lang: Lang, field: string, code: string, params: Record<string, string | number> = {}): FieldIssue => ({
  field,
  code,
  message: translate(code, lang, params),
});

/**
 * Checks an SDMX mapping against the file's dimensions: every dimension with more than one code must have a
 * role, and every code of the element and breakdown dimensions must be mapped (to an element/option or to
 * null, "ignore"). Returns the issues (all of them) and each dimension's role.
 */
export function checkSdmxMapping(m: SdmxMapping, dims: { id: string; codes: Map<string, number> }[], lang: Lang) {
  const issues: FieldIssue[] = [];
  const roles = new Map<string, DimensionRole>();
  const byId = new Map(dims.map((d) => [d.id, d]));
  const need = (field: string, id: string | null) => {
    if (id && !byId.has(id)) issues.push(issue(lang, field, 'import_mapping_no_dimension', { dimension: id }));
  };
  need('territoryDimension', m.territoryDimension);
  need('timeDimension', m.timeDimension);
  need('elementDimension', m.elementDimension);
  roles.set(m.territoryDimension, 'territory');
  roles.set(m.timeDimension, 'time');
  if (m.elementDimension) {
    roles.set(m.elementDimension, 'element');
    const mapped = new Set(m.elements.map((e) => e.code));
    const missing = [...(byId.get(m.elementDimension)?.codes.keys() ?? [])].filter((c) => !mapped.has(c));
    if (missing.length) issues.push(issue(lang, 'elements', 'import_mapping_unmapped_codes', { dimension: m.elementDimension, codes: missing.join(', ') }));
  } else if (!m.element) issues.push(issue(lang, 'element', 'import_mapping_no_element'));
  const categories = new Set<string>();
  m.breakdowns.forEach((b, i) => {
    need(`breakdowns.${i}.dimension`, b.dimension);
    if (roles.has(b.dimension)) issues.push(issue(lang, `breakdowns.${i}.dimension`, 'import_mapping_dimension_twice', { dimension: b.dimension }));
    if (categories.has(b.category)) issues.push(issue(lang, `breakdowns.${i}.category`, 'import_mapping_category_twice', { category: b.category }));
    categories.add(b.category);
    roles.set(b.dimension, 'breakdown');
    const mapped = new Set([...b.options.map((o) => o.code), ...(b.totalCode !== null ? [b.totalCode] : [])]);
    const missing = [...(byId.get(b.dimension)?.codes.keys() ?? [])].filter((c) => !mapped.has(c));
    if (missing.length) issues.push(issue(lang, `breakdowns.${i}.options`, 'import_mapping_unmapped_codes', { dimension: b.dimension, codes: missing.join(', ') }));
  });
  for (const d of dims) {
    if (roles.has(d.id)) continue;
    if (d.codes.size <= 1) roles.set(d.id, 'ignored');
    else {
      roles.set(d.id, 'unmapped');
      issues.push(issue(lang, 'breakdowns', 'import_mapping_unmapped_dimension', { dimension: d.id, count: d.codes.size }));
    }
  }
  return { issues, roles };
}

/** Checks a table mapping against the file's header: every named column must exist. */
export function checkTableMapping(m: TableMapping, header: string[], lang: Lang): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const has = new Set(header);
  const need = (field: string, col: string | null) => {
    if (col && !has.has(col)) issues.push(issue(lang, field, 'import_mapping_no_column', { column: col }));
  };
  need('territoryColumn', m.territoryColumn);
  need('periodColumn', m.periodColumn);
  if (!m.periodColumn && !m.constantPeriod) issues.push(issue(lang, 'periodColumn', 'import_mapping_no_period'));
  for (const [i, c] of m.columns.entries()) need(`columns.${i}.column`, c.column);
  return issues;
}

const TOTAL_CODES = ['9', 'T', '_T', 'TOTAL', 'TOT', '99'];

/**
 * A first mapping for a dataflow never seen: REF_AREA (or the first ITTER107-looking dimension) as the
 * territory, the first other multi-code dimension as the element (codes → `<flow>.<code>`), the rest as
 * breakdowns by their codes, with a usual total code where there is one. The administrator reviews it.
 */
export function proposeSdmxMapping(dataflow: string, dims: { id: string; codes: Map<string, number> }[]): SdmxMapping {
  const multi = dims.filter((d) => d.id !== 'TIME_PERIOD' && d.codes.size > 1);
  const territory = dims.find((d) => d.id === 'REF_AREA') ?? dims.find((d) => [...d.codes.keys()].some((c) => /^IT[A-Z0-9]*$/.test(c))) ?? dims[0];
  const rest = multi.filter((d) => d.id !== territory?.id);
  const flow = (dataflow.match(/DF_([A-Z0-9_]+?)(_\d+)?\(/)?.[1] ?? dataflow).toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  // Istat names the measure dimension DATA_TYPE (or INDICATOR); a flow measuring one thing has it single-coded.
  const elementDim = rest.find((d) => ['DATA_TYPE', 'INDICATOR', 'MEASURE'].includes(d.id));
  const breakdownDims = rest.filter((d) => d !== elementDim);
  const single = dims.find((d) => ['DATA_TYPE', 'INDICATOR', 'MEASURE'].includes(d.id) && d.codes.size === 1);
  const singleCode = single ? [...single.codes.keys()][0] : null;
  return {
    kind: 'sdmx',
    dataflow,
    territoryDimension: territory?.id ?? 'REF_AREA',
    territoryCodeKind: 'auto',
    timeDimension: 'TIME_PERIOD',
    elementDimension: elementDim?.id ?? null,
    elements: elementDim
      ? [...elementDim.codes.keys()].map((code) => ({ code, element: { code: `${flow}.${slug(code)}`, name: { it: code }, valueType: 'number' as const, unit: null } }))
      : [],
    element: elementDim ? null : { code: singleCode ? `${flow}.${slug(singleCode)}` : flow, name: { it: singleCode ?? dataflow }, valueType: 'number', unit: null },
    breakdowns: breakdownDims.map((d) => {
      const codes = [...d.codes.keys()];
      const totalCode = codes.find((c) => TOTAL_CODES.includes(c.toUpperCase())) ?? null;
      return {
        dimension: d.id,
        category: slug(d.id),
        totalCode,
        options: codes.filter((c) => c !== totalCode).map((code) => ({ code, option: code.replace(/[^A-Za-z0-9_.-]/g, '_') })),
      };
    }),
    provisionalStatuses: ['p'],
  };
}
