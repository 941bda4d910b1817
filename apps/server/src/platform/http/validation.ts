import { z } from 'zod';
import type { FieldIssue } from './errors.ts';
import type { Lang } from './messages.ts';

/** Thrown by the route validator; carries every zod issue so all problems are reported at once. */
export class RequestValidationError extends Error {
  statusCode = 400;
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly part: string,
  ) {
    super('validation');
  }
}

const zodLocales = { it: z.locales.it(), en: z.locales.en() };

const words = {
  it: {
    required: 'Campo obbligatorio.',
    minChars: (n: number) => `Scrivi almeno ${n} caratteri.`,
    maxChars: (n: number) => `Al massimo ${n} caratteri.`,
    min: (n: number) => `Il valore minimo è ${n}.`,
    max: (n: number) => `Il valore massimo è ${n}.`,
    email: 'Indirizzo e-mail non valido.',
    url: 'Indirizzo web non valido (deve iniziare con http:// o https://).',
    date: 'Data non valida: usa il formato AAAA-MM-GG.',
    oneOf: (v: string) => `Valore non ammesso: scegli tra ${v}.`,
    number: 'Deve essere un numero.',
    integer: 'Deve essere un numero intero.',
    unknownKey: (k: string) => `Campo non previsto: ${k}.`,
  },
  en: {
    required: 'Required field.',
    minChars: (n: number) => `Write at least ${n} characters.`,
    maxChars: (n: number) => `At most ${n} characters.`,
    min: (n: number) => `The minimum is ${n}.`,
    max: (n: number) => `The maximum is ${n}.`,
    email: 'Invalid e-mail address.',
    url: 'Invalid web address (must start with http:// or https://).',
    date: 'Invalid date: use the YYYY-MM-DD format.',
    oneOf: (v: string) => `Value not allowed: choose one of ${v}.`,
    number: 'Must be a number.',
    integer: 'Must be a whole number.',
    unknownKey: (k: string) => `Unexpected field: ${k}.`,
  },
};

/** A clear message for each zod issue, in the user's language; a custom message in the schema wins. */
export function describeIssue(issue: z.core.$ZodIssue, lang: Lang): string {
  const w = words[lang];
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  if (isCustomMessage(issue.message)) return customMessage(issue.message, lang);
  switch (issue.code) {
    case 'invalid_type':
      if (i.input === undefined || i.input === null || i.input === '') return w.required;
      if (i.expected === 'number' || i.expected === 'int') return i.expected === 'int' ? w.integer : w.number;
      break;
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? w.required : w.minChars(Number(i.minimum));
      if (i.origin === 'number') return w.min(Number(i.minimum));
      break;
    case 'too_big':
      if (i.origin === 'string') return w.maxChars(Number(i.maximum));
      if (i.origin === 'number') return w.max(Number(i.maximum));
      break;
    case 'invalid_format':
      if (i.format === 'email') return w.email;
      if (i.format === 'url') return w.url;
      if (i.format === 'date') return w.date;
      break;
    case 'invalid_value':
      if (i.input === undefined || i.input === null || i.input === '') return w.required;
      return w.oneOf((i.values as unknown[]).map(String).join(', '));
    case 'unrecognized_keys':
      return w.unknownKey((i.keys as string[]).join(', '));
  }
  return zodLocales[lang].localeError(issue as never) as string;
}

/** A schema's own message is written "italiano|english"; zod's defaults are English and may contain "|" too. */
function isCustomMessage(message: string | undefined): message is string {
  return !!message && message.includes('|') && !/^(Invalid|Too (small|big)|Unrecognized|Expected)\b/.test(message);
}

/** Custom schema messages are written "it|en". */
function customMessage(message: string, lang: Lang): string {
  const [it, en] = message.split('|');
  return lang === 'en' && en ? en : it;
}

export function toFieldIssues(issues: z.core.$ZodIssue[], lang: Lang, prefix = ''): FieldIssue[] {
  return issues.map((issue) => ({
    field: prefix + [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])].join('.'),
    code: issue.code,
    message: describeIssue(issue, lang),
  }));
}

/** Fastify validator compiler: parse with zod and keep every issue. */
export function zodValidatorCompiler({ schema, httpPart }: { schema: unknown; httpPart?: string }) {
  const s = schema as z.ZodType;
  return (data: unknown) => {
    // reportInput lets messages tell an empty field from a wrong value; inputs never leave the server.
    const result = s.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  };
}
