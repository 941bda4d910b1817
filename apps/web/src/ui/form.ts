import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { useErrorMessage } from './QueryError.tsx';

/** What went wrong with a form submission: a message and the problems of each field, by field name. */
export interface FormErrors {
  /** Changes at every failed submission, so the summary takes focus again. */
  key: number;
  message: string | null;
  fields: Record<string, string>;
}

const EMPTY: FormErrors = { key: 0, message: null, fields: {} };

interface FormErrorOptions {
  /** Maps an API field path (e.g. "roles.0.scopeId") to the form's field name. */
  fieldOf?: (apiField: string) => string;
  /** Whether a field was left empty: an empty choice is reported as "required", not as "a value outside the list". */
  isEmpty?: (field: string) => boolean;
}

/** Holds a form's errors, filled from an API error (every issue at once) or from checks made in the browser. */
export function useFormErrors(options: FormErrorOptions = {}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FormErrors>(EMPTY);
  const messageOf = useErrorMessage();
  const opts = useRef(options);
  opts.current = options;

  const fromError = useCallback(
    (err: unknown, extraFields: Record<string, string> = {}) => {
      const fields: Record<string, string> = {};
      if (isApiError(err)) {
        for (const issue of err.issues) {
          const name = issue.field ? (opts.current.fieldOf?.(issue.field) ?? issue.field) : '_form';
          // zod reports a missing enum as "not one of <codes>": for an empty choice say "required".
          const message = issue.code === 'invalid_value' && opts.current.isEmpty?.(name) ? t('form.required') : issue.message;
          if (fields[name] === message) continue;
          fields[name] = fields[name] ? `${fields[name]} ${message}` : message;
        }
      }
      setErrors((prev) => ({ key: prev.key + 1, message: messageOf(err), fields: { ...fields, ...extraFields } }));
    },
    [messageOf, t],
  );

  const setLocal = useCallback((message: string, fields: Record<string, string>) => {
    setErrors((prev) => ({ key: prev.key + 1, message, fields }));
  }, []);

  const clear = useCallback(() => setErrors((prev) => ({ key: prev.key, message: null, fields: {} })), []);

  return { errors, fromError, setLocal, clear };
}

export function hasErrors(e: FormErrors): boolean {
  return e.message !== null || Object.keys(e.fields).length > 0;
}
