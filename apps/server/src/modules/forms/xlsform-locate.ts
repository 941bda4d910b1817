import { type SheetKey, SHEETS } from './xlsform-layout.ts';
import { columnOf, type SheetTable } from './xlsform-sheets.ts';

/** What a definition path was read from, which decides how its properties map to columns. */
export type SourceKind = 'root' | 'section' | 'item' | 'option' | 'column' | 'category' | 'categoryOption' | 'combo' | 'rule';

/** Definition property → column key, for each kind of element (translatable ones get `:it`/`:en`). */
const PROPERTY_COLUMN: Record<SourceKind, Record<string, string>> = {
  root: { code: 'form_id', title: 'form_title', description: 'description' },
  section: { code: 'name', title: 'label', description: 'hint', kind: 'kind', items: 'type' },
  item: {
    code: 'name',
    type: 'type',
    label: 'label',
    help: 'hint',
    required: 'required',
    relevant: 'relevant',
    constraint: 'constraint',
    constraintMessage: 'constraint_message',
    calculate: 'calculation',
    unit: 'unit',
    min: 'min',
    max: 'max',
    choices: 'type',
    rows: 'type',
    columns: 'type',
    items: 'type',
    disaggregation: 'disaggregation',
    copyLastYear: 'copy_last_year',
  },
  option: { code: 'name', label: 'label' },
  column: { code: 'name', label: 'label', type: 'type' },
  category: { code: 'category', label: 'label', options: 'option' },
  categoryOption: { code: 'option', label: 'label' },
  combo: { code: 'name', label: 'label', categories: 'categories' },
  rule: { code: 'name', left: 'left', operator: 'operator', right: 'right', severity: 'severity', message: 'message', missingValueStrategy: 'missing_values' },
};
const DEFAULT_COLUMN: Record<SourceKind, string> = {
  root: 'form_id',
  section: 'name',
  item: 'type',
  option: 'name',
  column: 'type',
  category: 'category',
  categoryOption: 'option',
  combo: 'name',
  rule: 'name',
};
const TRANSLATED = new Set(['label', 'hint', 'constraint_message', 'unit', 'message', 'form_title', 'description']);

export interface Location {
  sheet: string;
  row: number | null;
  column: string | null;
  cell?: string;
}

interface Source {
  sheet: SheetKey;
  row: number | null;
  kind: SourceKind;
}

/** Remembers which row each part of the definition came from, to point definition problems at cells. */
export class SourceMap {
  private readonly sources = new Map<string, Source>();

  constructor(private readonly tables: Partial<Record<SheetKey, SheetTable>>) {}

  add(path: string, sheet: SheetKey, row: number | null, kind: SourceKind): void {
    this.sources.set(path, { sheet, row, kind });
  }

  /** The sheet, row and column a definition path (`sections.0.items.3.label.it`) points to. */
  locate(path: string): Location | null {
    const parts = path.split('.').filter((p) => p !== '');
    for (let n = parts.length; n >= 0; n--) {
      const source = this.sources.get(parts.slice(0, n).join('.'));
      if (!source) continue;
      const rest = parts.slice(n);
      const table = this.tables[source.sheet];
      const sheet = table?.name ?? SHEETS[source.sheet];
      // Lists of the root (sections, categories, rules) and empty sections have no single row.
      if (source.kind === 'root' && rest.length && !PROPERTY_COLUMN.root[rest[0]]) return { sheet: rootSheet(rest[0], this.tables), row: null, column: null };
      let key = rest.length ? (PROPERTY_COLUMN[source.kind][rest[0]] ?? DEFAULT_COLUMN[source.kind]) : DEFAULT_COLUMN[source.kind];
      if (TRANSLATED.has(key)) key = `${key}:${rest[1] === 'en' ? 'en' : 'it'}`;
      const { column, cell } = columnOf(table, key);
      return { sheet, row: source.row, column, ...(cell && source.row != null ? { cell: cell(source.row) } : {}) };
    }
    return null;
  }
}

function rootSheet(list: string, tables: Partial<Record<SheetKey, SheetTable>>): string {
  const key: SheetKey = list === 'categories' ? 'categories' : list === 'categoryCombos' ? 'combinations' : list === 'rules' ? 'rules' : 'survey';
  return tables[key]?.name ?? SHEETS[key];
}
