import type { Category, Item, Option } from '@mosaico/form-engine/definition';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CellInput } from './CellInput.tsx';
import { onGridKeyDown } from './gridKeys.ts';
import { type CellIssues, GridIssues, groupCellIssues } from './GridIssues.tsx';
import { hasError, ItemHelp, ItemIssues, RequiredText } from './ItemParts.tsx';
import { formatNumber } from './numbers.ts';
import { controlId, type FormRuntime, type Scope, useFormRuntime } from './runtime.ts';
import { useUnit } from './ScalarField.tsx';
import { useLocalNode } from './LocalText.tsx';
import { useLocalText } from './text.ts';

type CellType = 'integer' | 'decimal' | 'percentage';

/** Every combination of the categories' options, in order (the first category varies slowest). */
export function combinations(categories: Category[]): Option[][] {
  return categories.reduce<Option[][]>((acc, c) => acc.flatMap((combo) => c.options.map((o) => [...combo, o])), [[]]);
}

function sum(rt: FormRuntime, keys: string[]): number | null {
  let total: number | null = null;
  for (const k of keys) {
    const v = rt.value(k);
    if (typeof v === 'number') total = (total ?? 0) + v;
  }
  return total == null ? null : Number(total.toPrecision(15));
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '-');

/**
 * A disaggregated item: one cell per combination of its categories' options, and the total (computed).
 * Two categories make a rows × columns grid with row and column totals; one or more than two, a row per
 * combination with the categories as row headers.
 */
export function DisaggregatedItem({ item, scope }: { item: Item; scope: Scope }) {
  const { t, i18n } = useTranslation();
  const rt = useFormRuntime();
  const local = useLocalText();
  const node = useLocalNode();
  const unit = useUnit()(item);
  const combo = rt.definition.categoryCombos.find((c) => c.code === item.disaggregation);
  const categories = (combo?.categories ?? []).map((code) => rt.definition.categories.find((c) => c.code === code)).filter((c): c is Category => !!c);
  const key = rt.key.item(item.code, scope);
  const id = controlId(rt, key);
  const required = rt.isRequired(item.code, scope);
  const issues = rt.issues(key);
  const type = (['integer', 'decimal', 'percentage'].includes(item.type) ? item.type : 'integer') as CellType;
  const combos = combinations(categories);
  const cellOf = (options: Option[]) => {
    const cellKey = rt.key.disaggregation(item.code, options.map((o) => o.code), scope);
    return { key: cellKey, id: controlId(rt, cellKey), issues: rt.issues(cellKey), name: options.map((o) => local(o.label)).join(', ') };
  };
  const cells = combos.map(cellOf);
  const cellIssues: CellIssues[] = cells;
  const grid = groupCellIssues(cellIssues, id);
  // The item's value is the engine's total (the sum of the entered cells); rows and columns are added here.
  const engineTotal = rt.value(key);
  const total = typeof engineTotal === 'number' ? engineTotal : sum(rt, cells.map((c) => c.key));
  const fmt = (n: number | null) => (n == null ? '—' : formatNumber(n, i18n.language));
  const describedTable = [item.help ? `${id}-hint` : null, issues.length ? `${id}-issues` : null].filter(Boolean).join(' ') || undefined;
  const input = (c: ReturnType<typeof cellOf>, labelledBy: string, row: number, col: number) => (
    <CellInput id={c.id} valueKey={c.key} type={type} labelledBy={labelledBy} describedBy={grid.describedBy(c.id)} invalid={hasError(c.issues)} grid={{ row, col }} />
  );
  // After a cell changes, and typing pauses, the totals it moved are said politely (they are not controls).
  const [edited, setEdited] = useState<{ row: number; col: number; at: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const onCellInput = (e: FormEvent<HTMLTableElement>) => {
    const { gridRow, gridCol } = (e.target as HTMLElement).dataset;
    if (gridRow !== undefined && gridCol !== undefined) setEdited({ row: Number(gridRow), col: Number(gridCol), at: Date.now() });
  };
  const totalsText = (row: number, col: number): string => {
    const grand = t('dataEntry.grid.grandTotal', { total: fmt(total) });
    if (categories.length !== 2) return grand;
    const [rowCat, colCat] = categories;
    const r = rowCat.options[row];
    const c = colCat.options[col];
    if (!r || !c) return grand;
    const rowTotal = fmt(sum(rt, colCat.options.map((o) => cellOf([r, o]).key)));
    const colTotal = fmt(sum(rt, rowCat.options.map((o) => cellOf([o, c]).key)));
    return `${t('dataEntry.grid.lineTotal', { label: local(r.label), total: rowTotal })} ${t('dataEntry.grid.lineTotal', { label: local(c.label), total: colTotal })} ${grand}`;
  };
  const pending = edited ? totalsText(edited.row, edited.col) : '';
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setAnnouncement(pending), 900);
    return () => clearTimeout(timer);
  }, [pending]);
  // The table's name sits above its scrolling box, so on a small screen it wraps instead of scrolling away.
  const caption = (
    <div id={`${id}-label`} className="item-caption">
      {node(item.label)}
      <RequiredText required={required} />
      <span className="d-block small text-secondary fw-normal">
        {combo ? node(combo.label) : ''}
        {unit ? ` (${unit})` : ''}
      </span>
    </div>
  );

  let table: ReactNode;
  if (categories.length === 2) {
    const [rowCat, colCat] = categories;
    const colId = (o: Option) => `${id}-col-${safe(o.code)}`;
    const rowId = (o: Option) => `${id}-row-${safe(o.code)}`;
    table = (
      <table className="table table-sm item-grid" onKeyDown={onGridKeyDown} onInput={onCellInput} aria-labelledby={`${id}-label`} aria-describedby={describedTable}>
        <thead>
          <tr>
            <th scope="col">{node(rowCat.label)}</th>
            {colCat.options.map((c) => (
              <th key={c.code} id={colId(c)} scope="col">
                {node(c.label)}
              </th>
            ))}
            <th scope="col">{t('forms.preview.total')}</th>
          </tr>
        </thead>
        <tbody>
          {rowCat.options.map((r, ri) => (
            <tr key={r.code}>
              <th id={rowId(r)} scope="row" className="fw-normal">
                {node(r.label)}
              </th>
              {colCat.options.map((c, ci) => (
                <td key={c.code}>{input(cellOf([r, c]), `${rowId(r)} ${colId(c)}`, ri, ci)}</td>
              ))}
              <td className="grid-total">{fmt(sum(rt, colCat.options.map((c) => cellOf([r, c]).key)))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('forms.preview.total')}</th>
            {colCat.options.map((c) => (
              <td key={c.code} className="grid-total">
                {fmt(sum(rt, rowCat.options.map((r) => cellOf([r, c]).key)))}
              </td>
            ))}
            <td className="grid-total grid-grand-total">{fmt(total)}</td>
          </tr>
        </tfoot>
      </table>
    );
  } else {
    const valueId = `${id}-col-value`;
    table = (
      <table className="table table-sm item-grid" onKeyDown={onGridKeyDown} onInput={onCellInput} aria-labelledby={`${id}-label`} aria-describedby={describedTable}>
        <thead>
          <tr>
            {categories.map((c) => (
              <th key={c.code} scope="col">
                {node(c.label)}
              </th>
            ))}
            <th id={valueId} scope="col">
              {unit || t('forms.preview.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {combos.map((options, i) => {
            const c = cells[i];
            const headerIds = options.map((_, j) => `${c.id}-h${j}`);
            return (
              <tr key={c.key}>
                {options.map((o, j) => (
                  <th key={o.code} id={headerIds[j]} scope="row" className="fw-normal">
                    {node(o.label)}
                  </th>
                ))}
                <td>{input(c, `${headerIds.join(' ')} ${valueId}`, i, 0)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={Math.max(1, categories.length)}>
              {t('forms.preview.total')}
            </th>
            <td className="grid-total grid-grand-total">{fmt(total)}</td>
          </tr>
        </tfoot>
      </table>
    );
  }

  return (
    <div id={id} className="form-item form-item-disaggregated mb-4">
      {caption}
      <div className="table-responsive">{table}</div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <ItemHelp id={id} item={item} />
      <GridIssues groups={grid.groups} />
      <ItemIssues id={id} issues={issues} />
    </div>
  );
}
