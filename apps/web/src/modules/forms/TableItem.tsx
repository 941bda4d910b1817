import type { Item } from '@mosaico/form-engine/definition';
import { CellInput } from './CellInput.tsx';
import { onGridKeyDown } from './gridKeys.ts';
import { type CellIssues, GridIssues, groupCellIssues } from './GridIssues.tsx';
import { hasError, ItemHelp, ItemIssues, RequiredText } from './ItemParts.tsx';
import { controlId, type Scope, useFormRuntime } from './runtime.ts';
import { useLocalNode } from './LocalText.tsx';
import { useLocalText } from './text.ts';

/** A table item: fixed rows × columns of inputs, each named by its row and column headers. */
export function TableItem({ item, scope }: { item: Item; scope: Scope }) {
  const rt = useFormRuntime();
  const local = useLocalText();
  const node = useLocalNode();
  const key = rt.key.item(item.code, scope);
  const id = controlId(rt, key);
  const required = rt.isRequired(item.code, scope);
  const issues = rt.issues(key);
  const rows = item.rows ?? [];
  const columns = item.columns ?? [];
  const cell = (r: string, c: string) => {
    const cellKey = rt.key.cell(item.code, r, c, scope);
    return { key: cellKey, id: controlId(rt, cellKey), issues: rt.issues(cellKey) };
  };
  const cellIssues: CellIssues[] = rows.flatMap((r) =>
    columns.map((c) => ({ id: cell(r.code, c.code).id, name: `${local(r.label)}, ${local(c.label)}`, issues: cell(r.code, c.code).issues })),
  );
  const grid = groupCellIssues(cellIssues, id);
  const colId = (c: string) => `${id}-col-${c.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const rowId = (r: string) => `${id}-row-${r.replace(/[^A-Za-z0-9_-]/g, '-')}`;

  return (
    <div id={id} className="form-item form-item-table mb-4">
      {/* The table's name sits above its scrolling box, so on a small screen it wraps instead of scrolling away. */}
      <div id={`${id}-label`} className="item-caption">
        {node(item.label)}
        <RequiredText required={required} />
      </div>
      <div className="table-responsive">
        <table
          className="table table-sm item-grid"
          onKeyDown={onGridKeyDown}
          aria-labelledby={`${id}-label`}
          aria-describedby={[item.help ? `${id}-hint` : null, issues.length ? `${id}-issues` : null].filter(Boolean).join(' ') || undefined}
        >
          <thead>
            <tr>
              <td />
              {columns.map((c) => (
                <th key={c.code} id={colId(c.code)} scope="col">
                  {node(c.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, ri) => (
              <tr key={r.code}>
                <th id={rowId(r.code)} scope="row" className="fw-normal">
                  {node(r.label)}
                </th>
                {columns.map((c, ci) => {
                  const x = cell(r.code, c.code);
                  return (
                    <td key={c.code}>
                      <CellInput
                        id={x.id}
                        valueKey={x.key}
                        type={c.type}
                        labelledBy={`${rowId(r.code)} ${colId(c.code)}`}
                        describedBy={grid.describedBy(x.id)}
                        invalid={hasError(x.issues)}
                        grid={{ row: ri, col: ci }}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ItemHelp id={id} item={item} />
      <GridIssues groups={grid.groups} />
      <ItemIssues id={id} issues={issues} />
    </div>
  );
}
