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
  ])('refuses %o, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts a local plain-http identity provider for development', () => {
    expect(loadConfig({ OIDC_ISSUER_URL: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' }).OIDC_ISSUER_URL).toBe('http://127.0.0.1:9000');
  });
});
