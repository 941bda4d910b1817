import { useTranslation } from 'react-i18next';
import { ACCEPT } from './api.ts';

/** A labelled file input whose hint (types and size limit) and error are bound through aria-describedby. */
export function FileField({ id, label, error, maxMb, onChange }: { id: string; label: string; error?: string; maxMb?: number; onChange: (file: File | null) => void }) {
  const { t } = useTranslation();
  return (
    <div className="form-group">
      <label htmlFor={id} className="active">
        <span id={`${id}-label`}>{label}</span>
        <span className="required-mark" aria-hidden="true">
          {' '}*
        </span>
      </label>
      <input
        id={id}
        name="file"
        type="file"
        required
        className={`form-control${error ? ' is-invalid' : ''}`}
        accept={ACCEPT}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      <small id={`${id}-hint`} className="form-text d-block">
        {maxMb ? t('library.fileHint', { mb: maxMb }) : t('library.fileHintNoLimit')}
      </small>
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block field-error">
          {error}
        </div>
      )}
    </div>
  );
}

/** A file size in kB or MB, in the interface's language. */
export function useFileSize() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'it-IT';
  return (bytes: number) =>
    bytes < 1024 * 1024
      ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024)))} kB`
      : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}
