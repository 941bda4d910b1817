import type { TableColumn } from '@mosaico/form-engine/definition';
import { useTranslation } from 'react-i18next';
import { gridCell } from './gridKeys.ts';
import { NumberInput } from './NumberInput.tsx';
import { useFormRuntime } from './runtime.ts';

interface CellInputProps {
  id: string;
  valueKey: string;
  type: TableColumn['type'];
  /** The ids of the row and column headers that name the cell. */
  labelledBy: string;
  describedBy?: string;
  invalid: boolean;
  /** Its place in the grid (row and column from 0), for the arrow keys. */
  grid: { row: number; col: number };
}

/** One cell of a grid (table or disaggregation), named by its row and column headers. */
export function CellInput({ id, valueKey, type, labelledBy, describedBy, invalid, grid }: CellInputProps) {
  const { t } = useTranslation();
  const rt = useFormRuntime();
  const common = { id, name: id, 'aria-labelledby': labelledBy, 'aria-describedby': describedBy, 'aria-invalid': invalid ? true : undefined, ...gridCell(grid.row, grid.col) } as const;
  if (type === 'integer' || type === 'decimal' || type === 'percentage') {
    return <NumberInput id={id} valueKey={valueKey} kind={type} invalid={invalid} labelledBy={labelledBy} describedBy={describedBy} className="cell-input" grid={grid} />;
  }
  const value = rt.value(valueKey);
  const text = typeof value === 'string' ? value : '';
  if (type === 'yes_no') {
    return (
      <select {...common} className={`form-select cell-input${invalid ? ' is-invalid' : ''}`} value={text} disabled={rt.readOnly} onChange={(e) => rt.setValue(valueKey, e.target.value || null)}>
        <option value="">—</option>
        <option value="yes">{t('common.yes')}</option>
        <option value="no">{t('common.no')}</option>
      </select>
    );
  }
  return (
    <input
      {...common}
      type="text"
      className={`form-control cell-input${invalid ? ' is-invalid' : ''}`}
      value={text}
      readOnly={rt.readOnly}
      onChange={(e) => rt.setValue(valueKey, e.target.value)}
    />
  );
}
