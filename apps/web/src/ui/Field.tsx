import type { ChangeEvent, InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface BaseProps {
  id: string;
  label: string;
  required?: boolean;
  error?: string;
  hint?: ReactNode;
  className?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * The label text with a visual asterisk. The control is named by the text alone (aria-labelledby on the
 * inner span), and carries `required`, so screen readers say "obbligatorio" instead of "asterisco".
 */
function LabelText({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <>
      <span id={`${id}-label`}>{label}</span>
      {required && (
        <span className="required-mark" aria-hidden="true">
          {' '}*
        </span>
      )}
    </>
  );
}

function Feedback({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <small id={`${id}-hint`} className="form-text d-block">
          {hint}
        </small>
      )}
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block field-error">
          {error}
        </div>
      )}
    </>
  );
}

interface TextFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'date' | 'search' | 'number';
  multiline?: boolean;
  rows?: number;
  autoComplete?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  maxLength?: number;
  min?: string;
  max?: string;
  disabled?: boolean;
}

/** A labelled text input (or textarea) with hint and error bound through aria-describedby. */
export function TextField(props: TextFieldProps) {
  const { id, label, required, error, hint, value, onChange, type = 'text', multiline, rows = 4, className } = props;
  const common = {
    id,
    name: id,
    value,
    required,
    disabled: props.disabled,
    maxLength: props.maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    'aria-labelledby': `${id}-label`,
    className: `form-control${error ? ' is-invalid' : ''}`,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
  };
  return (
    <div className={`form-group ${className ?? ''}`}>
      <label htmlFor={id} className="active">
        <LabelText id={id} label={label} required={required} />
      </label>
      {multiline ? (
        <textarea {...common} rows={rows} />
      ) : (
        <input {...common} type={type} autoComplete={props.autoComplete} inputMode={props.inputMode} min={props.min} max={props.max} />
      )}
      <Feedback id={id} hint={hint} error={error} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  /** Text of a first, empty choice (e.g. "Tutti"); omit to force a choice. */
  emptyLabel?: string;
  disabled?: boolean;
}

export function SelectField({ id, label, required, error, hint, value, onChange, options, emptyLabel, disabled, className }: SelectFieldProps) {
  return (
    <div className={`form-group ${className ?? ''}`}>
      <div className="select-wrapper">
        <label htmlFor={id}>
          <LabelText id={id} label={label} required={required} />
        </label>
        <select
          aria-labelledby={`${id}-label`}
          id={id}
          name={id}
          value={value}
          required={required}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className={error ? 'is-invalid' : undefined}
          onChange={(e) => onChange(e.target.value)}
        >
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <Feedback id={id} hint={hint} error={error} />
    </div>
  );
}

interface CheckboxFieldProps extends Omit<BaseProps, 'required'> {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField({ id, label, error, hint, checked, onChange, className }: CheckboxFieldProps) {
  return (
    <div className={`form-check ${className ?? ''}`}>
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <Feedback id={id} hint={hint} error={error} />
    </div>
  );
}

/** The note that explains the asterisk, shown once at the top of each form with required fields. */
export function RequiredNote() {
  const { t } = useTranslation();
  return <p className="small text-secondary mb-4">{t('form.requiredNote')}</p>;
}
