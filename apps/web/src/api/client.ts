/** One field's problem, as the API reports it in error.details.issues. */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

/** An error answered by the API (or a network failure, code "network"); messages are already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];
  readonly requestId: string | null;
  readonly details: unknown;

  constructor(init: { status: number; code: string; message: string; issues?: FieldIssue[]; requestId?: string | null; details?: unknown }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.issues = init.issues ?? [];
    this.requestId = init.requestId ?? null;
    this.details = init.details;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

export const API_BASE = '/api/v1';

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Sent as multipart/form-data instead of JSON. */
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** When true a 401 is only thrown, without sending the user to the sign-in page. */
  allowUnauthenticated?: boolean;
  /** Lets the request outlive the page (a last save while the tab closes). */
  keepalive?: boolean;
}

let language = 'it';
let onUnauthorized: ((info: { expired: boolean }) => void) | null = null;

/** The language of the interface, sent to the API so its messages follow it. */
export function setApiLanguage(lang: string) {
  language = lang;
}

/** Called on a 401: the app sends the user to the sign-in page (with ?next=). */
export function setUnauthorizedHandler(handler: (info: { expired: boolean }) => void) {
  onUnauthorized = handler;
}

/** The URL of an API path with its query string (empty values are left out). */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/** Calls the API and returns its JSON; throws ApiError for any error answer. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language, ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.form) {
    body = opts.form;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
      keepalive: opts.keepalive,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: 'network', message: '' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; requestId?: string; details?: { issues?: FieldIssue[] } } } | null)?.error;
    const error = new ApiError({
      status: res.status,
      code: e?.code ?? `http_${res.status}`,
      message: e?.message ?? res.statusText,
      issues: Array.isArray(e?.details?.issues) ? e.details.issues : [],
      requestId: e?.requestId ?? null,
      details: e?.details,
    });
    if (res.status === 401 && !opts.allowUnauthenticated && onUnauthorized) {
      onUnauthorized({ expired: error.code === 'session_expired' });
    }
    throw error;
  }
  return data as T;
}
