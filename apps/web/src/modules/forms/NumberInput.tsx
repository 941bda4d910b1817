import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatForInput, type NumberKind, parseNumber } from './numbers.ts';
import { gridCell } from './gridKeys.ts';
import { useFormRuntime } from './runtime.ts';

interface NumberInputProps {
  id: string;
  /** The value key in the runtime. */
  valueKey: string;
  kind: NumberKind;
  required?: boolean;
  invalid?: boolean;
  labelledBy?: string;
  describedBy?: string;
  className?: string;
  /** Its place in a grid, for moving between cells with the keyboard. */
  grid?: { row: number; col: number };
}

/**
 * A number typed as text (a comma or a point for decimals), given to the engine as a number; text that is
 * not a number of the item's kind stays in the box with a message in the interface's words.
 */
export function NumberInput({ id, valueKey, kind, required, invalid, labelledBy, describedBy, className, grid }: NumberInputProps) {
  const { t, i18n } = useTranslation();
  const rt = useFormRuntime();
  const value = rt.value(valueKey);
  const stored = typeof value === 'number' ? value : null;
  const [text, setText] = useState(() => formatForInput(stored, i18n.language));

  // A value changed elsewhere (another tab of the page, a reset) replaces what the box shows.
  useEffect(() => {
    setText((current) => {
      const typed = parseNumber(current, kind, i18n.language);
      // Text that is not a number stays while the value is that text; a number set elsewhere replaces it.
      return typed === stored || (typed === undefined && stored === null) ? current : formatForInput(stored, i18n.language);
    });
  }, [stored, kind, i18n.language]);

  const onChange = (next: string) => {
    setText(next);
    const n = parseNumber(next, kind, i18n.language);
    if (n === undefined) {
      rt.setFormatError(valueKey, kind === 'integer' ? t('forms.preview.notInteger') : t('forms.preview.notNumber'));
      // The engine gets the text as typed: it is not a number there either (a type issue, not "missing").
      rt.setValue(valueKey, next);
    } else {
      rt.setFormatError(valueKey, null);
      rt.setValue(valueKey, n);
    }
  };

  return (
    <input
      id={id}
      name={id}
      type="text"
      inputMode={kind === 'integer' ? 'numeric' : 'decimal'}
      autoComplete="off"
      className={`form-control text-end${invalid ? ' is-invalid' : ''} ${className ?? ''}`}
      value={text}
      required={required}
      readOnly={rt.readOnly}
      aria-invalid={invalid ? true : undefined}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
      {...(grid ? gridCell(grid.row, grid.col) : {})}
    />
  );
}
