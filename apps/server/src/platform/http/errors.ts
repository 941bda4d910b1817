import { type Lang, translate } from './messages.ts';

export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited';

export const statusOfKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
  /** For an expression: the 0-based offset and the length of the fault in the field's text. */
  position?: number;
  length?: number;
}

/**
 * The one error type services throw. `code` is a stable message key in the catalogue (messages.ts);
 * `params` fill its placeholders; `details` lists field issues or other structured data.
 */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
  }
}

export const notFound = (what: string) => new AppError('not_found', 'not_found', { what });
export const forbidden = () => new AppError('forbidden', 'forbidden');
export const versionConflict = (current: number) =>
  new AppError('conflict', 'version_conflict', { current }, { currentVersion: current });
export const invalidFields = (issues: FieldIssue[]) => new AppError('invalid', 'validation_failed', {}, { issues });

/** A 400 about one field, with the catalogue's message in the caller's language. */
export function fieldError(lang: Lang, code: string, field: string, params: Record<string, string | number> = {}) {
  return new AppError('invalid', code, params, { issues: [{ field, code, message: translate(code, lang, params) }] });
}

/** The version a change is based on (body `version`, If-Match or query, first given), or a 400 naming `version`. */
export function requireVersion(lang: Lang, ...given: (number | undefined)[]): number {
  const version = given.find((v) => v != null);
  if (version == null) throw new AppError('invalid', 'version_required', {}, { issues: [{ field: 'version', code: 'required', message: translate('version_required', lang) }] });
  return version;
}
