import type { Category, CategoryCombo, FormDefinition, Item, ItemType, TableColumn } from './definition.ts';

/** The type of one entered value: a plain item's own type, or a table column's. */
export type ValueType = Exclude<ItemType, 'table' | 'repeat'>;

/** One value an item is entered as, beyond the item itself: a disaggregation cell or a table cell. */
export interface Cell {
  /** The value key, e.g. 'foreign_residents.F.0-17' or 'staff.doctors.full_time'. */
  key: string;
  /** The option codes after the item code, in order (combo categories, or row then column). */
  path: string[];
  type: ValueType;
}

/** Where an item sits in a definition and what it is entered as. */
export interface ItemEntry {
  code: string;
  item: Item;
  /** The JSON path of the item, e.g. 'sections.2.items.5' (used in problem paths). */
  path: string;
  section: string;
  /** The code of the repeat it belongs to, or null at the top level. */
  repeat: string | null;
  /** Disaggregated items: the categories in combo order (empty when unknown or not disaggregated). */
  categories: Category[];
  /** Disaggregation cells or table cells, empty for other items. */
  cells: Cell[];
}

/** Every item, category and combo of a definition by code (the first of duplicates wins; duplicates are problems). */
export interface FormIndex {
  entries: ItemEntry[];
  items: Map<string, ItemEntry>;
  categories: Map<string, Category>;
  combos: Map<string, CategoryCombo>;
}

/** Indexes a definition; tolerant of missing arrays so that a broken definition can still be checked. */
export function indexDefinition(def: FormDefinition): FormIndex {
  const categories = new Map<string, Category>();
  for (const category of def.categories ?? []) if (!categories.has(category.code)) categories.set(category.code, category);
  const combos = new Map<string, CategoryCombo>();
  for (const combo of def.categoryCombos ?? []) if (!combos.has(combo.code)) combos.set(combo.code, combo);
  const index: FormIndex = { entries: [], items: new Map(), categories, combos };
  (def.sections ?? []).forEach((section, s) => {
    (section.items ?? []).forEach((item, i) => {
      const path = `sections.${s}.items.${i}`;
      addEntry(index, item, path, section.code, null);
      if (item.type === 'repeat') {
        (item.items ?? []).forEach((child, c) => {
          addEntry(index, child, `${path}.items.${c}`, section.code, item.code);
        });
      }
    });
  });
  return index;
}

function addEntry(index: FormIndex, item: Item, path: string, section: string, repeat: string | null): void {
  const categories = comboCategories(index, item);
  const entry: ItemEntry = { code: item.code, item, path, section, repeat, categories, cells: cellsOf(item, categories) };
  index.entries.push(entry);
  if (!index.items.has(item.code)) index.items.set(item.code, entry);
}

function comboCategories(index: FormIndex, item: Item): Category[] {
  if (!item.disaggregation) return [];
  const combo = index.combos.get(item.disaggregation);
  if (!combo) return [];
  const categories = (combo.categories ?? []).map((code) => index.categories.get(code));
  // A combo naming an unknown category yields no cells: the definition check reports it.
  return categories.every((c) => c !== undefined) ? (categories as Category[]) : [];
}

function cellsOf(item: Item, categories: Category[]): Cell[] {
  if (item.type === 'table') {
    const cells: Cell[] = [];
    for (const row of item.rows ?? []) {
      for (const column of item.columns ?? []) cells.push(tableCell(item.code, row.code, column));
    }
    return cells;
  }
  if (categories.length === 0 || (item.type !== 'integer' && item.type !== 'decimal')) return [];
  let paths: string[][] = [[]];
  for (const category of categories) {
    paths = paths.flatMap((prefix) => (category.options ?? []).map((option) => [...prefix, option.code]));
  }
  return paths.map((path) => ({ key: cellKey(item.code, path), path, type: item.type as ValueType }));
}

function tableCell(code: string, row: string, column: TableColumn): Cell {
  return { key: cellKey(code, [row, column.code]), path: [row, column.code], type: column.type };
}

/** The value key of a cell: the item code and the option codes joined by dots ('item.F.0-17'). */
export function cellKey(code: string, path: string[]): string {
  return [code, ...path].join('.');
}

/** The value key of a repeat child in one row: 'members[0].age' (rows counted from 0). */
export function rowKey(repeat: string, row: number, child: string): string {
  return `${repeat}[${row}].${child}`;
}
