import { WILDCARD } from './codes.ts';
import { definitionMessages as d } from './definition-messages.ts';
import type { Option } from './definition.ts';
import { cellKey, type FormIndex, type ItemEntry } from './form-index.ts';
import { closest, type Message } from './text.ts';

/**
 * What a reference stands for, in the scope it is written in:
 * - value: one top-level value (an item, a disaggregated item's total, one cell) under its value key;
 * - sibling: a repeat child read from the same row (inside that repeat);
 * - rows: a repeat itself, one entry per row (count);
 * - column: a repeat child over all rows;
 * - cells: several cells (a whole table, or a wildcard such as ${table.*.column}).
 * The last three are lists, usable only inside sum, count, min and max.
 */
export type RefTarget =
  | { kind: 'value'; key: string; entry: ItemEntry; numeric: boolean }
  | { kind: 'sibling'; code: string; entry: ItemEntry; numeric: boolean }
  | { kind: 'rows'; repeat: string; entry: ItemEntry; numeric: false }
  | { kind: 'column'; repeat: string; code: string; entry: ItemEntry; numeric: boolean }
  | { kind: 'cells'; keys: string[]; entry: ItemEntry; numeric: boolean };

export type Resolution = { target: RefTarget } | { code: string; message: Message };

const NUMERIC = new Set(['integer', 'decimal', 'percentage']);

/** True for the targets that stand for several values. */
export function isListTarget(target: RefTarget): boolean {
  return target.kind === 'rows' || target.kind === 'column' || target.kind === 'cells';
}

/** Resolves the segments of a reference written at top level (scope null) or inside the repeat `scope`. */
export function resolveReference(index: FormIndex, path: string[], scope: string | null, pos: number): Resolution {
  const ref = path.join('.');
  const entry = index.items.get(path[0]);
  if (!entry) {
    return { code: 'unknown_reference', message: d.unknownReference(ref, pos, closest(path[0], index.items.keys())) };
  }
  const item = entry.item;
  const numeric = NUMERIC.has(item.type);
  if (entry.repeat !== null) {
    if (path.length > 1) return { code: 'invalid_cell_reference', message: d.noCells(ref, entry.code, pos) };
    if (entry.repeat !== scope) return { code: 'repeat_item_outside', message: d.repeatItemOutside(ref, entry.repeat, pos) };
    return { target: { kind: 'sibling', code: entry.code, entry, numeric } };
  }
  if (item.type === 'repeat') {
    if (path.length === 1) return { target: { kind: 'rows', repeat: entry.code, entry, numeric: false } };
    const child = (item.items ?? []).find((c) => c.code === path[1]);
    const example = `${entry.code}.${item.items?.[0]?.code ?? 'voce'}`;
    if (path.length !== 2) return { code: 'invalid_cell_reference', message: d.invalidCell(ref, pos, example) };
    if (!child) return { code: 'unknown_reference', message: d.unknownOption(ref, pos, path[1], entry.code) };
    return { target: { kind: 'column', repeat: entry.code, code: child.code, entry, numeric: NUMERIC.has(child.type) } };
  }
  if (item.type === 'table') return resolveTable(entry, path, ref, pos);
  if (entry.categories.length > 0) return resolveCells(entry, path, ref, pos, entry.categories.map((c) => ({ of: c.code, options: c.options })));
  if (path.length > 1) return { code: 'invalid_cell_reference', message: d.noCells(ref, entry.code, pos) };
  return { target: { kind: 'value', key: entry.code, entry, numeric } };
}

function resolveTable(entry: ItemEntry, path: string[], ref: string, pos: number): Resolution {
  const item = entry.item;
  const allNumeric = (item.columns ?? []).every((c) => NUMERIC.has(c.type));
  if (path.length === 1) return { target: { kind: 'cells', keys: entry.cells.map((c) => c.key), entry, numeric: allNumeric } };
  const example = `${entry.code}.${item.rows?.[0]?.code ?? 'riga'}.${item.columns?.[0]?.code ?? 'colonna'}`;
  if (path.length !== 3) return { code: 'invalid_cell_reference', message: d.invalidCell(ref, pos, example) };
  const positions = [
    { of: `${entry.code} (righe / rows)`, options: item.rows ?? [] },
    { of: `${entry.code} (colonne / columns)`, options: item.columns ?? [] },
  ];
  return resolveCells(entry, path, ref, pos, positions);
}

/** Matches the segments after the item code against the options of each position; * selects them all. */
function resolveCells(entry: ItemEntry, path: string[], ref: string, pos: number, positions: { of: string; options: Option[] }[]): Resolution {
  const example = cellKey(entry.code, positions.map((p) => p.options[0]?.code ?? WILDCARD));
  // Only a disaggregated item gets here with its bare code: its value is the total of its cells.
  if (path.length === 1) return { target: { kind: 'value', key: entry.code, entry, numeric: true } };
  if (path.length !== positions.length + 1) return { code: 'invalid_cell_reference', message: d.invalidCell(ref, pos, example) };
  for (let i = 0; i < positions.length; i++) {
    const segment = path[i + 1];
    if (segment !== WILDCARD && !positions[i].options.some((o) => o.code === segment)) {
      return { code: 'invalid_cell_reference', message: d.unknownOption(ref, pos, segment, positions[i].of) };
    }
  }
  const cells = entry.cells.filter((cell) => cell.path.every((code, i) => path[i + 1] === WILDCARD || path[i + 1] === code));
  const numeric = cells.every((c) => NUMERIC.has(c.type));
  if (!path.includes(WILDCARD)) return { target: { kind: 'value', key: ref, entry, numeric } };
  return { target: { kind: 'cells', keys: cells.map((c) => c.key), entry, numeric } };
}
