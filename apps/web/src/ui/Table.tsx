import { type ReactNode, useId } from 'react';

export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** The cell that names the row (a row header for screen readers). */
  rowHeader?: boolean;
}

interface TableProps<T> {
  caption: ReactNode;
  /** Keep the caption for screen readers only when a heading already says what the table is. */
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  empty?: ReactNode;
}

/** A captioned data table in a scrollable, focusable region (so keyboard users can scroll it on small screens). */
export function Table<T>({ caption, captionHidden, columns, rows, rowKey, empty }: TableProps<T>) {
  const captionId = useId();
  if (!rows.length && empty) return <p className="text-secondary">{empty}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-responsive mb-4" aria-labelledby={captionId} tabIndex={0}>
      <table className="table table-striped table-hover align-middle">
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : 'caption-top'}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'text-end' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={`fw-normal${c.numeric ? ' text-end' : ''}`}>
                    {c.render(row)}
                  </th>
                ) : (
                  <td key={c.key} className={c.numeric ? 'text-end text-nowrap' : undefined}>
                    {c.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
