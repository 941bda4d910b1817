import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults: embedded database in ./.mosaico on port 3000', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.dataDir.endsWith('.mosaico')).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: must be a postgres:// URL'],
    [{ MOSAICO_DEMO: 'maybe' }, 'MOSAICO_DEMO'],
    [{ OIDC_ISSUER_URL: 'https://sso.example.it' }, 'OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required'],
    [{ OIDC_ISSUER_URL: 'http://sso.example.it', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' }, 'must use https://'],
    [{ JOBS_WORKER: 'yes' }, 'JOBS_WORKER'],
    [{ JOBS_POLL_SECONDS: '0.1' }, 'JOBS_POLL_SECONDS'],
    [{ REMINDERS_CRON: 'every morning' }, 'REMINDERS_CRON: must be a cron expression of 5 fields'],
    [{ MAIL_SWEEP_CRON: '*/5 * * *' }, 'MAIL_SWEEP_CRON: must be a cron expression of 5 fields'],
    [{ REMINDER_OFFSETS_DAYS: '14,sette,1' }, 'REMINDER_OFFSETS_DAYS: must list whole days between 1 and 365'],
    [{ REMINDER_OFFSETS_DAYS: '0' }, 'REMINDER_OFFSETS_DAYS: must list whole days between 1 and 365'],
  ])('refuses %o, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('runs the job worker with daily reminders 14, 7 and 1 days before a deadline unless told otherwise', () => {
    const c = loadConfig({});
    expect([c.JOBS_WORKER, c.REMINDERS_CRON, c.REMINDER_OFFSETS_DAYS, c.MAIL_SWEEP_CRON]).toEqual(['on', '0 7 * * *', [14, 7, 1], '*/5 * * * *']);
    expect(loadConfig({ REMINDER_OFFSETS_DAYS: ' 3, 30,10,3 ', REMINDERS_CRON: 'off' })).toMatchObject({ REMINDER_OFFSETS_DAYS: [30, 10, 3], REMINDERS_CRON: 'off' });
  });

  it('accepts a local plain-http identity provider for development', () => {
    expect(loadConfig({ OIDC_ISSUER_URL: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' }).OIDC_ISSUER_URL).toBe('http://127.0.0.1:9000');
  });
});
