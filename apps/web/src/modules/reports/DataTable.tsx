import { useId } from 'react';
import type { Block } from './blocks.ts';
import { useReportNumber } from './useNumber.ts';

type Cell = string | number | null;

interface DataTableProps {
  caption: string;
  columns: Block<'table'>['columns'];
  rows: Cell[][];
  note?: string | null;
  captionHidden?: boolean;
}

/** A report table: caption, column headers (th scope=col), the first cell of each row a row header (th scope=row). */
export function DataTable({ caption, columns, rows, note, captionHidden }: DataTableProps) {
  const n = useReportNumber();
  const captionId = useId();
  // A table without rows says only why (its note), under the block's heading.
  if (!rows.length) return <p className="report-no-figures">{note ?? '—'}</p>;
  const cell = (v: Cell, i: number) => {
    const c = columns[i];
    if (typeof v === 'number') return n.withUnit(v, c?.decimals ?? 0, c?.unit);
    return v ?? '—';
  };
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-responsive mb-3" aria-labelledby={captionId} tabIndex={0}>
      <table className="table table-sm report-table align-middle">
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : 'caption-top'}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns of a frozen snapshot never move, and labels may repeat
              <th key={i} scope="col" className={c.numeric ? 'text-end' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a frozen snapshot never move
            <tr key={r}>
              {row.map((v, i) =>
                i === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a frozen snapshot never move
                  <th key={i} scope="row" className="fw-normal">
                    {cell(v, i)}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a frozen snapshot never move
                  <td key={i} className={columns[i]?.numeric ? 'text-end text-nowrap' : undefined}>
                    {cell(v, i)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {note && <p className="small text-secondary mb-0">{note}</p>}
    </section>
  );
}
