import path from 'node:path';
import { z } from 'zod';

// Five cron fields (minute hour day month weekday); pg-boss checks the expression itself when it schedules it.
const cron = z.string().trim().regex(/^\S+(\s+\S+){4}$/, 'must be a cron expression of 5 fields, e.g. "0 7 * * *"');

// The only reader of process.env: every variable is described here and parsed once at start-up.
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port'),
  HOST: z.string().default('0.0.0.0').describe('Interface to listen on'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .describe('PostgreSQL server; when unset the embedded PGlite database is used'),
  MOSAICO_DATA_DIR: z.string().default('./.mosaico').describe('Directory of the embedded database and uploaded files'),
  MOSAICO_DEMO: z
    .enum(['auto', 'on', 'off'])
    .default('auto')
    .describe('Load the demo accounts: auto = only on a new embedded database'),
  PUBLIC_URL: z.string().url().optional().describe('External URL, used in e-mails and OpenID Connect redirects'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(8).describe('Idle session lifetime in hours'),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5).describe('Failed logins per e-mail and IP per window'),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15).describe('Login rate-limit window'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Honour X-Forwarded-* (set behind a TLS-terminating proxy; enables HSTS)'),
  SMTP_URL: z.string().optional().describe('smtp(s)://user:pass@host:port; when unset e-mail goes to the outbox'),
  MAIL_FROM: z.string().default('Mosaico <no-reply@mosaico.local>').describe('Sender of e-mails'),
  OIDC_ISSUER_URL: z.string().url().optional().describe('OpenID Connect issuer (SPID/CIE gateway, ministry SSO)'),
  OIDC_CLIENT_ID: z.string().optional().describe('OpenID Connect client id'),
  OIDC_CLIENT_SECRET: z.string().optional().describe('OpenID Connect client secret'),
  OIDC_LABEL: z.string().default('SPID / CIE').describe('Label of the single sign-on button'),
  JOBS_WORKER: z
    .enum(['on', 'off'])
    .default('on')
    .describe('Handle background jobs (e-mail delivery, reminders) in this process; off leaves them queued for another instance'),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2).describe('How often the job worker looks for new jobs, in seconds'),
  MAIL_SWEEP_CRON: cron
    .default('*/5 * * * *')
    .describe('With SMTP: when unsent outbox mail is retried (cron, Italian time); new mail is sent right after it is queued'),
  REMINDERS_CRON: z
    .union([z.literal('off'), cron])
    .default('0 7 * * *')
    .describe('When campaign deadline reminders are sent (cron, Italian time); off disables them'),
  REMINDER_OFFSETS_DAYS: z
    .string()
    .default('14,7,1')
    .transform((v, c) => {
      const days = v.split(',').map((d) => Number(d.trim()));
      if (!days.length || days.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) {
        c.addIssue({ code: 'custom', message: 'must list whole days between 1 and 365, e.g. "14,7,1"' });
        return z.NEVER;
      }
      return [...new Set(days)].sort((a, b) => b - a);
    })
    .describe('Days before a campaign deadline on which submissions still in draft or returned are reminded (and the day after it)'),
  IMPORT_MAX_UPLOAD_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024)
    .default(50)
    .describe('Largest statistics file (SDMX-CSV, CSV, XLSX) an import accepts, in MB'),
  LIBRARY_MAX_UPLOAD_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(512)
    .default(25)
    .describe('Largest file (guide, template, report, data note) the shared document library accepts, in MB'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema> & { dataDir: string; webDist: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.OIDC_ISSUER_URL && !(c.OIDC_CLIENT_ID && c.OIDC_CLIENT_SECRET)) {
    throw new Error('Invalid configuration:\n  OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER_URL');
  }
  if (c.OIDC_ISSUER_URL && /^http:/.test(c.OIDC_ISSUER_URL) && !/^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(c.OIDC_ISSUER_URL)) {
    throw new Error('Invalid configuration:\n  OIDC_ISSUER_URL must use https:// (plain http only for localhost)');
  }
  return {
    ...c,
    dataDir: path.resolve(c.MOSAICO_DATA_DIR),
    webDist: path.resolve(import.meta.dirname, '../../web/dist'),
  };
}

export const configDescription = Object.entries(schema.shape).map(([name, s]) => ({
  name,
  description: (s as z.ZodType).description ?? '',
}));
