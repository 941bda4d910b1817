import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type FormErrors, hasErrors } from './form.ts';
import { focusControl } from './focusControl.ts';

interface ErrorSummaryProps {
  errors: FormErrors;
  /** The visible label of each field, by field name, used for the links. */
  labels: Record<string, string>;
  /** Field ids are `${idPrefix}-${field}`. */
  idPrefix: string;
  children?: ReactNode;
}

/**
 * The list of problems at the top of a form: it takes focus after a failed submission and
 * links to each field, so keyboard and screen-reader users reach every error.
 */
export function ErrorSummary({ errors, labels, idPrefix, children }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const show = hasErrors(errors);
  const headingId = `${idPrefix}-error-summary-title`;

  useEffect(() => {
    if (show && errors.key > 0) ref.current?.focus();
  }, [errors.key, show]);

  if (!show) return null;
  const entries = Object.entries(errors.fields);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named, focusable group that is announced on focus; a fieldset would imply form controls
    <div ref={ref} tabIndex={-1} role="group" className="alert alert-danger error-summary mb-5" aria-labelledby={headingId}>
      <h2 id={headingId} className="h5">
        {t('form.errorSummaryTitle')}
      </h2>
      {errors.message && <p className="mb-2">{errors.message}</p>}
      {entries.length > 0 && (
        <ul className="mb-0">
          {entries.map(([field, message]) =>
            labels[field] ? (
              <li key={field}>
                <a href={`#${idPrefix}-${field}`} onClick={(e) => focusControl(e, `${idPrefix}-${field}`)}>
                  {labels[field]}: {message}
                </a>
              </li>
            ) : (
              <li key={field}>{message}</li>
            ),
          )}
        </ul>
      )}
      {children}
    </div>
  );
}
