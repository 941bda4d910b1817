import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  // A route that fails unexpectedly, to check what a 500 reveals.
  t = await createTestApp({}, (app) =>
    app.get('/api/v1/__boom', async () => {
      throw new Error('secret internals: password=hunter2');
    }),
  );
});
afterAll(() => t.close());

describe('the HTTP platform', () => {
  it('reports health with the database', async () => {
    const res = await client(t.app).get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { ok: true } });
    expect(res.json().database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('answers unknown API routes with a JSON 404 in Italian, or English when asked', async () => {
    const res = await client(t.app).get('/api/v1/nope');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json().error).toMatchObject({ code: 'route_not_found', message: 'Indirizzo API inesistente: GET /api/v1/nope.' });
    expect(res.json().error.requestId).toBeTruthy();
    const en = await client(t.app).get('/api/v1/nope', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.json().error.message).toBe('No such API address: GET /api/v1/nope.');
  });

  it('hides internals on unexpected errors but gives the request id', async () => {
    const res = await client(t.app).get('/api/v1/__boom');
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('secret');
    const { error } = res.json();
    expect(error.code).toBe('internal');
    expect(error.message).toContain(error.requestId);
  });

  it('explains a malformed JSON body in Italian', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Il corpo della richiesta non è JSON valido.');
  });

  it('names every invalid field at once', async () => {
    const res = await client(t.app).post('/api/v1/auth/login', { email: '', password: '' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(['email', 'password']);
    expect(res.json().error.details.issues[0].message).toBe('Campo obbligatorio.');
  });

  it('sends security headers', async () => {
    const res = await client(t.app).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS when served over TLS behind a trusted proxy', async () => {
    const proxied = await createTestApp({ TRUST_PROXY: 'true' });
    try {
      const res = await client(proxied.app).get('/api/health', { 'x-forwarded-proto': 'https' });
      expect(res.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await proxied.close();
    }
  });

  it('publishes an OpenAPI 3.1 document with the entry points integrators rely on', async () => {
    const res = await client(t.app).get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1/);
    for (const p of ['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/me', '/api/v1/territories', '/api/v1/territories/{code}', '/api/v1/councils', '/api/v1/audit', '/api/health']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const docs = await client(t.app).get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
